import { canonicalQuantity } from '../../../../lib/quantity';
import type { KubeObject } from '../../../../sim/k8s/index';
import { arr, field, map, str } from '../table/objectFields';
import type { PrintContext } from '../types';
import { tabbedString } from './describeWriter';

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

/** `describeQuota`: scopes with their help text, then Resource / Used / Hard rows from spec.hard. */
export function describeResourceQuota(quota: KubeObject, _ctx: PrintContext): string {
  return tabbedString((w) => {
    w.write(0, `Name:\t${quota.metadata.name}\n`);
    w.write(0, `Namespace:\t${quota.metadata.namespace ?? ''}\n`);
    const scopes = arr<string>(field(quota.spec, 'scopes'));
    if (scopes.length) {
      w.write(0, `Scopes:\t${[...scopes].sort().join(', ')}\n`);
      for (const s of [...scopes].sort()) {
        const help = SCOPE_HELP[s];
        if (help) for (const line of help.split('\n')) w.write(0, ` * ${line}\n`);
      }
    }
    w.write(0, 'Resource\tUsed\tHard\n');
    w.write(0, '--------\t----\t----\n');
    const hard = map(field(quota.status, 'hard'));
    const used = map(field(quota.status, 'used'));
    for (const k of Object.keys(map(field(quota.spec, 'hard'))).sort()) {
      w.write(0, `${k}\t${canonicalQuantity(used[k] ?? '0')}\t${canonicalQuantity(hard[k] ?? '0')}\n`);
    }
  });
}

/** `describeLimitRange`: one row per item and resource (Min, Max, Default Request, Default Limit, ratio; `-` when unset). */
export function describeLimitRange(lr: KubeObject, _ctx: PrintContext): string {
  return tabbedString((w) => {
    w.write(0, `Name:\t${lr.metadata.name}\n`);
    w.write(0, `Namespace:\t${lr.metadata.namespace ?? ''}\n`);
    w.write(0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    for (const item of arr(field(lr.spec, 'limits'))) {
      const parts = ['min', 'max', 'defaultRequest', 'default', 'maxLimitRequestRatio'].map((f) => map(field(item, f)));
      const keys = new Set<string>();
      for (const p of parts) for (const k of Object.keys(p)) keys.add(k);
      for (const k of [...keys].sort()) {
        const cells = parts.map((p) => (p[k] === undefined ? '-' : canonicalQuantity(p[k])));
        w.write(0, `${str(field(item, 'type'))}\t${k}\t${cells.join('\t')}\n`);
      }
    }
  });
}
