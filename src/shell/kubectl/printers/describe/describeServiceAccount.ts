import type { KubeObject } from '../../../../sim/k8s/index';
import { arr, str } from '../table/objectFields';
import type { PrintContext } from '../types';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeFields';
import { tabbedString } from './describeWriter';

/** `describeServiceAccount`: image pull secrets, mountable secrets and tokens (headers in sorted order). */
export function describeServiceAccount(sa: KubeObject, ctx: PrintContext): string {
  let secrets: KubeObject[] = [];
  try {
    secrets = ctx.client.list('secrets', { namespace: sa.metadata.namespace });
  } catch {
    secrets = [];
  }
  const existing = new Set(secrets.map((s) => s.metadata.name));
  const tokens = secrets.filter(
    (s) =>
      s.type === 'kubernetes.io/service-account-token' &&
      s.metadata.annotations?.['kubernetes.io/service-account.name'] === sa.metadata.name &&
      s.metadata.annotations?.['kubernetes.io/service-account.uid'] === sa.metadata.uid,
  );
  const names = (v: unknown) => arr(v).map((s) => str(s.name));
  const groups: [string, string[]][] = [
    ['Image pull secrets:', names(sa.imagePullSecrets)],
    ['Mountable secrets: ', names(sa.secrets)],
    ['Tokens:            ', tokens.map((t) => t.metadata.name)],
  ];
  const listed = new Set([...names(sa.secrets), ...names(sa.imagePullSecrets)]);
  const missing = (n: string) => listed.has(n) && !existing.has(n);
  return tabbedString((w) => {
    w.write(0, `Name:\t${sa.metadata.name}\n`);
    w.write(0, `Namespace:\t${sa.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', sa.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', sa.metadata.annotations);
    for (const [header, list] of groups) {
      if (list.length === 0) {
        w.write(0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const n of list) {
        w.write(0, `${prefix}\t${n}${missing(n) ? ' (not found)' : ''}\n`);
        prefix = '                   ';
      }
    }
    describeEvents(ctx.cluster.eventsFor(sa), w, ctx.now);
  });
}
