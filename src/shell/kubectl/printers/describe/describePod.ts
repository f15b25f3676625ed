import type { EnvVar, PodSpec, PodStatus } from 'kubernetes-types/core/v1';
import { controllerRef, type KubeObject } from '../../../../sim/k8s/index';
import { field, str } from '../table/objectFields';
import { formatTimestamp, since } from '../text/timeFormat';
import type { PrintContext } from '../types';
import { describeContainers, describeResources, type EnvResolver } from './describeContainers';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './describeFields';
import { describeTopologySpreadConstraints } from './describePodTemplate';
import { describeVolumes } from './describeVolumes';
import { tabbedString } from './describeWriter';
import { podQOS } from './podResources';

/** `EnvValueRetriever`: the value a `fieldRef` env var takes in this pod. */
function envResolver(pod: KubeObject): EnvResolver {
  return (e: EnvVar) => {
    const path = e.valueFrom?.fieldRef?.fieldPath ?? '';
    const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
    if (m) return str(field(pod, 'metadata', m[1], m[2]));
    return str(field(pod, ...path.split('.')));
  };
}

/** `describePod`: `kubectl describe pod`. */
export function describePod(pod: KubeObject, ctx: PrintContext): string {
  const spec = (pod.spec ?? {}) as PodSpec;
  const status = (pod.status ?? {}) as PodStatus;
  const meta = pod.metadata;
  return tabbedString((w) => {
    w.write(0, `Name:\t${meta.name}\n`);
    w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
    if (spec.priority !== undefined && spec.priority !== null) w.write(0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
    if (!spec.nodeName) w.write(0, 'Node:\t<none>\n');
    else w.write(0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n`);
    if (status.startTime) w.write(0, `Start Time:\t${formatTimestamp(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, ctx.now)})\n`);
      w.write(0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(0, `Message:\t${status.message}\n`);
    const seccomp = spec.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost') w.write(0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(0, `IP:\t${status.podIP ?? ''}\n`);
    if (!status.podIPs || status.podIPs.length === 0) w.write(0, 'IPs:\t<none>\n');
    else {
      w.write(0, 'IPs:\n');
      for (const ip of status.podIPs) w.write(1, `IP:\t${ip.ip ?? ''}\n`);
    }
    const owner = controllerRef(meta);
    if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
    if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    const podResources = (spec as PodSpec & { resources?: PodSpec['containers'][number]['resources'] }).resources;
    if (podResources) {
      w.write(0, 'Resources:\n');
      describeResources(podResources, w, 1);
    }
    const resolve = envResolver(pod);
    if (spec.initContainers && spec.initContainers.length > 0) describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses, resolve, w, '');
    describeContainers('Containers', spec.containers, status.containerStatuses, resolve, w, '');
    if (spec.ephemeralContainers && spec.ephemeralContainers.length > 0) describeContainers('Ephemeral Containers', spec.ephemeralContainers as PodSpec['containers'], status.ephemeralContainerStatuses, resolve, w, '');
    if (spec.readinessGates && spec.readinessGates.length > 0) {
      w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of spec.readinessGates) {
        const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
        w.write(1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
      }
    }
    if (status.conditions && status.conditions.length > 0) {
      w.write(0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions) w.write(1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec.volumes, w, '');
    w.write(0, `QoS Class:\t${podQOS(spec, status.qosClass)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '');
    // A mirror pod's Events are searched by its static pod's uid, the config hash its kubelet records them with.
    const mirror = pod.metadata.annotations?.['kubernetes.io/config.mirror'];
    describeEvents(ctx.cluster.eventsFor(mirror === undefined ? pod : { ...pod, metadata: { ...pod.metadata, uid: mirror } }), w, ctx.now);
  });
}

