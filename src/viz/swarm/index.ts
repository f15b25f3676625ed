/**
 * The Swarm drawing: the same three steps as the Kubernetes one — a pure
 * view model (`swarmModel.ts`), a pure layout (`swarmLayout.ts`), and a d3
 * renderer that owns only the inside of its SVG (`renderSwarm.ts`).
 */
export { buildSwarmView, taskLook, ENDED_LINGER_MS, type SwarmSource, type SwarmView, type SwarmNodeView, type SwarmServiceView, type TaskView, type QuorumView, type UpdateView } from './swarmModel';
export { layoutSwarm, SWARM_METRICS, type SwarmLayout } from './swarmLayout';
export { renderSwarm, type SwarmPick, type SwarmRenderOptions } from './renderSwarm';
export { setSwarmText, swarmText, SWARM_TEXT_EN, type SwarmText } from './swarmText';
export { swarmTrafficFlows, swarmTrafficScene, type SwarmTrafficInput } from './swarmTraffic';
