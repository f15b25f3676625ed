import type { NodeSelectorRequirement } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../../sim/k8s/index';
import { accessModesString, isDefaultClass, storageString, volumeClass } from '../table/storagePrinters';
import { arr, field, formatLabels, map, str } from '../table/objectFields';
import { since } from '../text/timeFormat';
import type { PrintContext } from '../types';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeFields';
import { tabbedString, type DescribeWriter } from './describeWriter';

const goSlice = (v: unknown): string => `[${arr<string>(v).join(' ')}]`;

function status(obj: KubeObject, now: number): string {
  return obj.metadata.deletionTimestamp ? `Terminating (lasts ${since(obj.metadata.deletionTimestamp, now)})` : str(field(obj.status, 'phase'));
}

/** `printVolumeNodeAffinity`: the required node selector terms, one `Term i:` block each. */
function printVolumeNodeAffinity(w: DescribeWriter, affinity: unknown): void {
  w.write(0, 'Node Affinity:\t');
  const required = field(affinity, 'required');
  if (!required) {
    w.write(0, '<none>\n');
    return;
  }
  w.write(0, '\n');
  w.write(1, 'Required Terms:\t');
  const terms = arr(field(required, 'nodeSelectorTerms'));
  if (terms.length === 0) {
    w.write(1, '<none>\n');
    return;
  }
  w.write(0, '\n');
  terms.forEach((term, i) => {
    w.write(2, `Term ${i}:\t`);
    const exprs = arr<NodeSelectorRequirement>(field(term, 'matchExpressions'));
    if (exprs.length === 0) w.write(0, '<none>\n');
    exprs.forEach((e, j) => {
      if (j > 0) w.write(2, '\t');
      w.write(0, `${e.key} ${e.operator.toLowerCase()} [${(e.values ?? []).join(', ')}]\n`);
    });
  });
}

function printSource(w: DescribeWriter, spec: unknown): void {
  w.write(0, 'Source:\n');
  const hostPath = field(spec, 'hostPath');
  if (hostPath) {
    w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${str(field(hostPath, 'path'))}\n    HostPathType:\t${str(field(hostPath, 'type')) || '<none>'}\n`);
    return;
  }
  const local = field(spec, 'local');
  if (local) {
    w.write(2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${str(field(local, 'path'))}\n`);
    return;
  }
  const nfs = field(spec, 'nfs');
  if (nfs) {
    w.write(2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${str(field(nfs, 'server'))}\n    Path:\t${str(field(nfs, 'path'))}\n    ReadOnly:\t${field(nfs, 'readOnly') === true}\n`);
  }
}

/** `describePersistentVolume`. */
export function describePersistentVolume(pv: KubeObject, ctx: PrintContext): string {
  return tabbedString((w) => {
    const claim = field(pv.spec, 'claimRef') as { namespace?: string; name?: string } | undefined;
    w.write(0, `Name:\t${pv.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', pv.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations);
    w.write(0, `Finalizers:\t${goSlice(pv.metadata.finalizers)}\n`);
    w.write(0, `StorageClass:\t${volumeClass(pv, pv.spec)}\n`);
    w.write(0, `Status:\t${status(pv, ctx.now)}\n`);
    w.write(0, `Claim:\t${claim ? `${claim.namespace ?? ''}/${claim.name ?? ''}` : ''}\n`);
    w.write(0, `Reclaim Policy:\t${str(field(pv.spec, 'persistentVolumeReclaimPolicy'))}\n`);
    w.write(0, `Access Modes:\t${accessModesString(field(pv.spec, 'accessModes'))}\n`);
    if (field(pv.spec, 'volumeMode')) w.write(0, `VolumeMode:\t${str(field(pv.spec, 'volumeMode'))}\n`);
    w.write(0, `Capacity:\t${storageString(map(field(pv.spec, 'capacity')).storage)}\n`);
    printVolumeNodeAffinity(w, field(pv.spec, 'nodeAffinity'));
    w.write(0, `Message:\t${str(field(pv.status, 'message'))}\n`);
    printSource(w, pv.spec);
    describeEvents(ctx.cluster.eventsFor(pv), w, ctx.now);
  });
}

/** `describePersistentVolumeClaim`, with the pods that mount the claim (`Used By`). */
export function describePersistentVolumeClaim(pvc: KubeObject, ctx: PrintContext): string {
  const ns = pvc.metadata.namespace ?? 'default';
  const users = ctx.client
    .list('pods', { namespace: ns })
    .filter((p) => arr(field(p.spec, 'volumes')).some((v) => field(v, 'persistentVolumeClaim', 'claimName') === pvc.metadata.name))
    .map((p) => p.metadata.name)
    .sort();
  return tabbedString((w) => {
    const volume = str(field(pvc.spec, 'volumeName'));
    w.write(0, `Name:\t${pvc.metadata.name}\n`);
    w.write(0, `Namespace:\t${ns}\n`);
    w.write(0, `StorageClass:\t${volumeClass(pvc, pvc.spec)}\n`);
    w.write(0, `Status:\t${status(pvc, ctx.now)}\n`);
    w.write(0, `Volume:\t${volume}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
    w.write(0, `Finalizers:\t${goSlice(pvc.metadata.finalizers)}\n`);
    w.write(0, `Capacity:\t${volume ? storageString(map(field(pvc.status, 'capacity')).storage) : ''}\n`);
    w.write(0, `Access Modes:\t${volume ? accessModesString(field(pvc.status, 'accessModes')) : ''}\n`);
    if (field(pvc.spec, 'volumeMode')) w.write(0, `VolumeMode:\t${str(field(pvc.spec, 'volumeMode'))}\n`);
    w.write(0, 'Used By:\t');
    if (users.length === 0) w.writeLine('<none>');
    users.forEach((name, i) => w.write(0, `${i === 0 ? '' : '\t'}${name}\n`));
    describeEvents(ctx.cluster.eventsFor(pvc), w, ctx.now);
  });
}

/** `describeStorageClass`. */
export function describeStorageClass(sc: KubeObject, ctx: PrintContext): string {
  return tabbedString((w) => {
    w.write(0, `Name:\t${sc.metadata.name}\n`);
    w.write(0, `IsDefaultClass:\t${isDefaultClass(sc) ? 'Yes' : 'No'}\n`);
    w.write(0, `Annotations:\t${formatLabels(sc.metadata.annotations)}\n`);
    w.write(0, `Provisioner:\t${str(sc.provisioner)}\n`);
    w.write(0, `Parameters:\t${formatLabels(map(sc.parameters))}\n`);
    w.write(0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : sc.allowVolumeExpansion === true ? 'True' : 'False'}\n`);
    const opts = arr<string>(sc.mountOptions);
    if (opts.length === 0) w.write(0, 'MountOptions:\t<none>\n');
    else {
      w.write(0, 'MountOptions:\n');
      for (const o of opts) w.write(1, `${o}\n`);
    }
    if (sc.reclaimPolicy) w.write(0, `ReclaimPolicy:\t${str(sc.reclaimPolicy)}\n`);
    if (sc.volumeBindingMode) w.write(0, `VolumeBindingMode:\t${str(sc.volumeBindingMode)}\n`);
    describeEvents(ctx.cluster.eventsFor(sc), w, ctx.now);
  });
}
