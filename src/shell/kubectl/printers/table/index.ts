import type { ResourceInfo } from '../../../../sim/k8s/index';
import { configMapPrinter } from './configMapPrinter';
import { controllerRevisionPrinter } from './controllerRevisionPrinter';
import { cronJobPrinter } from './cronJobPrinter';
import { daemonSetPrinter } from './daemonSetPrinter';
import { deploymentPrinter } from './deploymentPrinter';
import { endpointSlicePrinter } from './endpointSlicePrinter';
import { endpointsPrinter } from './endpointsPrinter';
import { eventPrinter } from './eventPrinter';
import { genericPrinter } from './genericPrinter';
import { leasePrinter } from './leasePrinter';
import { namespacePrinter } from './namespacePrinter';
import { nodePrinter } from './nodePrinter';
import { podDisruptionBudgetPrinter } from './podDisruptionBudgetPrinter';
import { hpaPrinter } from './hpaPrinter';
import { jobPrinter } from './jobPrinter';
import { podPrinter } from './podPrinter';
import { replicaSetPrinter } from './replicaSetPrinter';
import { secretPrinter } from './secretPrinter';
import { limitRangePrinter, resourceQuotaPrinter } from './quotaPrinters';
import { persistentVolumeClaimPrinter, persistentVolumePrinter, storageClassPrinter } from './storagePrinters';
import { serviceAccountPrinter } from './serviceAccountPrinter';
import { ingressClassPrinter, ingressPrinter, priorityClassPrinter } from './networkingPrinters';
import { clusterRoleBindingPrinter, clusterRolePrinter, roleBindingPrinter, rolePrinter } from './rbacPrinters';
import { servicePrinter } from './servicePrinter';
import { statefulSetPrinter } from './statefulSetPrinter';
import type { KindPrinter } from './tableTypes';

/** The table printers, one per kind (`AddHandlers` in printers.go). */
export const TABLE_PRINTERS: readonly KindPrinter[] = [
  podPrinter,
  deploymentPrinter,
  replicaSetPrinter,
  servicePrinter,
  endpointsPrinter,
  endpointSlicePrinter,
  nodePrinter,
  namespacePrinter,
  eventPrinter,
  serviceAccountPrinter,
  leasePrinter,
  podDisruptionBudgetPrinter,
  daemonSetPrinter,
  statefulSetPrinter,
  controllerRevisionPrinter,
  jobPrinter,
  cronJobPrinter,
  hpaPrinter,
  configMapPrinter,
  secretPrinter,
  resourceQuotaPrinter,
  limitRangePrinter,
  persistentVolumePrinter,
  persistentVolumeClaimPrinter,
  storageClassPrinter,
  ingressPrinter,
  ingressClassPrinter,
  priorityClassPrinter,
  rolePrinter,
  clusterRolePrinter,
  roleBindingPrinter,
  clusterRoleBindingPrinter,
];

/** The printer for a resource; kinds without one print NAME AGE. */
export function printerFor(info: Pick<ResourceInfo, 'group' | 'kind'>): KindPrinter {
  return TABLE_PRINTERS.find((p) => p.group === info.group && p.kind === info.kind) ?? genericPrinter;
}
