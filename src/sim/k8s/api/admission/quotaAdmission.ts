import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { ObjectStore } from '../../../engine/store';
import { computeUsed, usageOf, type QuotaObj } from '../../controllers/quota/quotaUsage';
import { amountsOf, formatAmount, toResourceList, type Amounts } from '../../controllers/quota/resourceList';
import type { KubeObject } from '../types';

/** Which container field a tracked compute resource requires (`enforcePodContainerConstraints`). */
const REQUIRED: Readonly<Record<string, ['requests' | 'limits', string]>> = {
  cpu: ['requests', 'cpu'],
  memory: ['requests', 'memory'],
  'requests.cpu': ['requests', 'cpu'],
  'requests.memory': ['requests', 'memory'],
  'limits.cpu': ['limits', 'cpu'],
  'limits.memory': ['limits', 'memory'],
};

export type QuotaAdmission = { ok: true; charges: readonly { quota: QuotaObj; used: Record<string, string> }[] } | { ok: false; message: string };

/** The answer in a namespace without quotas (every create of most clusters): one shared object, never changed. */
const NOTHING_CHARGED: QuotaAdmission = { ok: true, charges: [] };

function missingRequirements(pod: KubeObject & Pod, hard: string[]): string[] {
  const missing = new Set<string>();
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const h of hard) {
    const req = REQUIRED[h];
    if (!req) continue;
    for (const c of containers) if ((c.resources?.[req[0]] as Record<string, unknown> | undefined)?.[req[1]] === undefined) missing.add(h);
  }
  return [...missing].sort();
}

/**
 * The ResourceQuota admission plugin for a create: every quota of the
 * namespace that counts the object must have room for it, or the create is
 * forbidden (`exceeded quota: …` / `failed quota: …: must specify …`).
 * On success, the new `status.used` of each charged quota (written by the
 * caller once the object is stored).
 */
export function admitQuota(obj: KubeObject, resource: string, store: ObjectStore): QuotaAdmission {
  const ns = obj.metadata.namespace;
  if (!ns || !store.has('resourcequotas') || store.keysInNamespace('resourcequotas', ns).size === 0) return NOTHING_CHARGED;
  const charges: { quota: QuotaObj; used: Record<string, string> }[] = [];
  for (const quota of store.list<QuotaObj>('resourcequotas', ns).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
    const delta = usageOf(obj, resource, quota);
    if (delta.size === 0) continue;
    const hardKeys = Object.keys(quota.spec?.hard ?? {});
    if (resource === 'pods') {
      const missing = missingRequirements(obj as KubeObject & Pod, hardKeys);
      if (missing.length) return { ok: false, message: `failed quota: ${quota.metadata.name}: must specify ${missing.join(',')}` };
    }
    const hard = amountsOf(quota.spec?.hard as Record<string, unknown> | undefined);
    const used: Amounts = quota.status?.used ? amountsOf(quota.status.used as Record<string, unknown>) : computeUsed(quota, store);
    const exceeded = [...delta.keys()].filter((k) => hard.has(k) && (used.get(k)?.nano ?? 0n) + delta.get(k)!.nano > hard.get(k)!.nano).sort();
    if (exceeded.length) {
      const list = (m: Amounts) => exceeded.map((k) => `${k}=${formatAmount(m.get(k))}`).join(',');
      return { ok: false, message: `exceeded quota: ${quota.metadata.name}, requested: ${list(delta)}, used: ${list(used)}, limited: ${list(hard)}` };
    }
    const next: Amounts = new Map(used);
    for (const [k, a] of delta) {
      const cur = next.get(k);
      next.set(k, cur && cur.nano !== 0n ? { nano: cur.nano + a.nano, format: cur.format } : { nano: (cur?.nano ?? 0n) + a.nano, format: a.format });
    }
    charges.push({ quota, used: toResourceList(next) });
  }
  return { ok: true, charges };
}
