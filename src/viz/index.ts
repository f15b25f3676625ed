/**
 * The cluster drawing: a pure mapping from cluster objects to a view model
 * (`model/`), a pure layout (`layout/`), and a d3 renderer that owns only the
 * inside of its SVG (`render/`). Never imports state/ or ui/.
 */
export { buildClusterView, type ClusterSource, type ClusterView, type NodeView, type PodView } from './model/clusterView';
export { podLook, LOOK_DESCRIPTION, type PodLook } from './model/podLook';
export { formatCpu, formatMemory, podRequests } from './model/resources';
export { layoutCluster, METRICS, type ClusterLayout } from './layout/clusterLayout';
export { summarizeActivity, noteLines, componentOf, COMPONENT_TEXT, CONTROLLERS, type ActivitySummary, type NoteLine, type ComponentId } from './model/controlPlane';
export { ownerOf, revisionOf, type OwnerView } from './model/owners';
export { buildWorkloadsView, type DeploymentView, type ServiceView, type WorkloadsView, type EndpointView } from './model/workloads';
export type { PlacedWorkload } from './layout/clusterLayout';
export { renderCluster, setPodViewport, transitionMs, type RenderOptions } from './render/renderCluster';
export { schedulingTable, fitHints, FILTER_PLUGINS, type SchedulingTable, type SchedulingRow } from './model/schedulingTable';
export { ownerChain, type OwnerLink } from './model/ownerChain';
export { filterEvents, objectName, type EventFilter } from './model/eventFilter';
export { setVizText, vizText, VIZ_TEXT_EN, type VizText } from './text';
export { trafficFlows, trafficSummary, formatRps, type ServiceTrafficInput, type TrafficFlow, type TrafficWords } from './model/traffic';
export { TrafficParticles, trafficScene, travelMs, MAX_PARTICLES, type TrafficScene } from './render/trafficParticles';
export * from './swarm/index';
