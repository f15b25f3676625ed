import type { ApiClient, Cluster } from '../sim/k8s/index';
import type { Shell } from '../shell/types';
import { toEventRecord } from './eventRecords';
import { KINDS } from './runtimeTables';
import { stripAnsi } from './transcript';
import type { InspectorData, ObjectRef } from './types';

/**
 * What the inspector shows for one object: `kubectl describe` (through the
 * shell, as typed, but not echoed or logged: it reads and changes nothing),
 * its Events and, for a pod, the scheduler's last decision.
 */
export function inspectObject(cluster: Cluster, reader: ApiClient, shell: Shell | undefined, ref: ObjectRef): InspectorData {
  const info = KINDS[ref.kind];
  const namespace = info.namespaced ? (ref.namespace ?? 'default') : undefined;
  const obj = reader.get(info.resource, namespace, ref.name);
  const events = obj ? cluster.eventsFor(obj).map(toEventRecord).sort((a, b) => a.lastAt - b.lastAt) : [];
  return {
    ref,
    exists: obj !== undefined,
    describe: obj && shell ? describe(shell, info.word, namespace, ref.name) : undefined,
    events,
    decision: ref.kind === 'Pod' && obj ? cluster.schedulingDecision(namespace ?? 'default', ref.name) : undefined,
    at: cluster.now(),
  };
}

function describe(shell: Shell, word: string, namespace: string | undefined, name: string): string {
  let text = '';
  const sink = { stdout: (t: string) => (text += t), stderr: (t: string) => (text += t) };
  const ns = namespace ? ` -n ${namespace}` : '';
  try {
    const execution = shell.run(`kubectl describe ${word} ${name}${ns}`, sink);
    if (!execution.done) execution.cancel();
  } catch (err) {
    return `error: ${err instanceof Error ? err.message : String(err)}`;
  }
  return stripAnsi(text);
}
