import type { DaemonSetSpec, DaemonSetStatus, StatefulSetSpec, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../../sim/k8s/index';

/** What a status viewer says: a line and whether the rollout is done, or an error. */
export type RolloutStatus = { message: string; done: boolean } | { error: string };

/** `DaemonSetStatusViewer.Status` (kubectl `polymorphichelpers/rollout_status.go`). */
export function daemonSetStatus(obj: KubeObject): RolloutStatus {
  const spec = (obj.spec ?? {}) as DaemonSetSpec;
  const st = (obj.status ?? {}) as Partial<DaemonSetStatus>;
  const name = obj.metadata.name;
  if (spec.updateStrategy?.type !== 'RollingUpdate') return { error: 'rollout status is only available for RollingUpdate strategy type' };
  if ((obj.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const desired = st.desiredNumberScheduled ?? 0;
    const updated = st.updatedNumberScheduled ?? 0;
    const available = st.numberAvailable ?? 0;
    if (updated < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`, done: false };
    if (available < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...\n`, done: false };
    return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
}

/** `StatefulSetStatusViewer.Status`: a RollingUpdate with a partition (always defaulted) reports the partitioned roll out. */
export function statefulSetStatus(obj: KubeObject): RolloutStatus {
  const spec = (obj.spec ?? {}) as StatefulSetSpec;
  const st = (obj.status ?? {}) as Partial<StatefulSetStatus>;
  if (spec.updateStrategy?.type !== 'RollingUpdate') return { error: 'rollout status is only available for RollingUpdate strategy type' };
  if (!st.observedGeneration || (obj.metadata.generation ?? 0) > st.observedGeneration) return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = spec.replicas;
  const ready = st.readyReplicas ?? 0;
  const updated = st.updatedReplicas ?? 0;
  if (replicas !== undefined && ready < replicas) return { message: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false };
  const ru = spec.updateStrategy.rollingUpdate;
  if (ru) {
    if (replicas !== undefined && ru.partition !== undefined && updated < replicas - ru.partition) {
      return { message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - ru.partition} new pods have been updated...\n`, done: false };
    }
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true };
  }
  if (st.updateRevision !== st.currentRevision) return { message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${st.updateRevision}...\n`, done: false };
  return { message: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...\n`, done: true };
}
