import { selectSnapshot, type ClusterSnapshot } from '../../state/index';
import { buildClusterView, buildWorkloadsView, type ClusterView, type WorkloadsView } from '../../viz/index';
import { useApp } from '../hooks/useApp';

const views = new WeakMap<ClusterSnapshot, ClusterView>();
const workloadViews = new WeakMap<ClusterSnapshot, WorkloadsView>();

/** The snapshot's view model, built once per snapshot however many components read it. */
export function clusterViewOf(snapshot: ClusterSnapshot): ClusterView {
  let view = views.get(snapshot);
  if (!view) views.set(snapshot, (view = buildClusterView(snapshot)));
  return view;
}

export function workloadsViewOf(snapshot: ClusterSnapshot): WorkloadsView {
  let view = workloadViews.get(snapshot);
  if (!view) workloadViews.set(snapshot, (view = buildWorkloadsView(snapshot)));
  return view;
}

export function useClusterView(): ClusterView {
  return clusterViewOf(useApp(selectSnapshot));
}

export function useWorkloadsView(): WorkloadsView {
  return workloadsViewOf(useApp(selectSnapshot));
}
