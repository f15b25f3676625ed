import { selectSnapshot, type ClusterSnapshot } from '../../state/index';
import { buildClusterView, buildWorkloadsView, vizText, type ClusterView, type VizText, type WorkloadsView } from '../../viz/index';
import { useApp } from '../hooks/useApp';

// Per snapshot and per language (the views carry accessible names in the interface language).
const views = new WeakMap<ClusterSnapshot, { text: VizText; view: ClusterView }>();
const workloadViews = new WeakMap<ClusterSnapshot, { text: VizText; view: WorkloadsView }>();

/** The snapshot's view model, built once per snapshot however many components read it. */
export function clusterViewOf(snapshot: ClusterSnapshot): ClusterView {
  const text = vizText();
  let entry = views.get(snapshot);
  if (entry?.text !== text) views.set(snapshot, (entry = { text, view: buildClusterView(snapshot) }));
  return entry.view;
}

export function workloadsViewOf(snapshot: ClusterSnapshot): WorkloadsView {
  const text = vizText();
  let entry = workloadViews.get(snapshot);
  if (entry?.text !== text) workloadViews.set(snapshot, (entry = { text, view: buildWorkloadsView(snapshot) }));
  return entry.view;
}

export function useClusterView(): ClusterView {
  return clusterViewOf(useApp(selectSnapshot));
}

export function useWorkloadsView(): WorkloadsView {
  return workloadsViewOf(useApp(selectSnapshot));
}
