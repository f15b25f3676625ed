import type { DockerCommand } from '../command';
import { nodeInspect } from './nodeInspect';
import { nodeLs } from './nodeLs';
import { nodePs } from './nodePs';
import { nodeUpdate } from './nodeUpdate';
import { nodeDemote, nodePromote, nodeRm } from './nodeRole';
import { swarmInit, swarmJoin, swarmJoinToken, swarmLeave } from './swarm';
import { serviceCreate } from './serviceCreate';
import { serviceInspect } from './serviceInspect';
import { serviceLogs } from './serviceLogs';
import { serviceLs } from './serviceLs';
import { servicePs } from './servicePs';
import { serviceRm } from './serviceRm';
import { serviceRollback } from './serviceRollback';
import { serviceUpdate } from './serviceUpdate';
import { serviceScale } from './serviceScale';
import { stackDeploy } from './stackDeploy';
import { stackLs } from './stackLs';
import { stackPs } from './stackPs';
import { stackRm } from './stackRm';
import { stackServices } from './stackServices';

/** Every simulated docker command; help and tab completion read this list. */
export const DOCKER_COMMANDS: readonly DockerCommand[] = [serviceCreate, serviceInspect, serviceLogs, serviceLs, servicePs, serviceRm, serviceRollback, serviceScale, serviceUpdate, nodeDemote, nodeInspect, nodeLs, nodePromote, nodePs, nodeRm, nodeUpdate, stackDeploy, stackLs, stackPs, stackRm, stackServices, swarmInit, swarmJoin, swarmJoinToken, swarmLeave];

/** Management commands (`docker service`, `docker node`) with their one-line summaries. */
export const DOCKER_GROUPS: Readonly<Record<string, string>> = {
  node: 'Manage Swarm nodes',
  service: 'Manage Swarm services',
  stack: 'Manage Swarm stacks',
  swarm: 'Manage Swarm',
};
