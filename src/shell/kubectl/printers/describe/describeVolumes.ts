import type { Volume } from 'kubernetes-types/core/v1';
import { quantityOf, quantityString } from './quantityMath';
import type { DescribeWriter } from './describeWriter';

/**
 * `describeVolumes`: one block per volume with its source's fields. The
 * projected volume uses kubectl 1.32's layout (`ConfigMapOptional: <nil>`);
 * a set `optional` pointer prints as an address there, shown as a fixed one.
 */

const goPtr = (v: unknown) => (v === undefined || v === null ? '<nil>' : '0xc000a1b2c3');

/** The `image` volume source (ImageVolume, newer than the typed API). */
function imageSource(v: Volume): { reference?: string; pullPolicy?: string } | undefined {
  return (v as Volume & { image?: { reference?: string; pullPolicy?: string } }).image;
}

function describeSource(v: Volume, w: DescribeWriter): void {
  if (v.hostPath) {
    w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`);
  } else if (v.emptyDir) {
    const limit = quantityOf(v.emptyDir.sizeLimit as string);
    const sizeLimit = limit && limit.num > 0n ? quantityString(limit) : '<unset>';
    w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${sizeLimit}\n`);
  } else if (v.secret) {
    w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${!!v.secret.optional}\n`);
  } else if (v.configMap) {
    w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${!!v.configMap.optional}\n`);
  } else if (v.nfs) {
    w.write(2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${v.nfs.server}\n    Path:\t${v.nfs.path}\n    ReadOnly:\t${!!v.nfs.readOnly}\n`);
  } else if (v.persistentVolumeClaim) {
    w.write(2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${!!v.persistentVolumeClaim.readOnly}\n`);
  } else if (v.downwardAPI) {
    w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (v.projected) {
    w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const s of v.projected.sources ?? []) {
      if (s.secret) w.write(2, `SecretName:\t${s.secret.name ?? ''}\n    SecretOptionalName:\t${goPtr(s.secret.optional)}\n`);
      else if (s.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
      else if (s.configMap) w.write(2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    ConfigMapOptional:\t${goPtr(s.configMap.optional)}\n`);
      else if (s.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3600}\n`);
    }
  } else if (v.csi) {
    w.write(2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${v.csi.driver}\n    FSType:\t${v.csi.fsType ?? ''}\n    ReadOnly:\t${!!v.csi.readOnly}\n`);
    const attrs = v.csi.volumeAttributes ?? {};
    const keys = Object.keys(attrs).sort();
    w.write(2, 'VolumeAttributes:\t');
    if (keys.length === 0) w.writeLine('<none>');
    keys.forEach((k, i) => {
      if (i !== 0) {
        w.write(2, '');
        w.write(2, '\t');
      }
      w.write(2, `${k}=${attrs[k]}\n`);
    });
  } else if (imageSource(v)) {
    const image = imageSource(v)!;
    w.write(2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${image.reference ?? ''}\n    PullPolicy:\t${image.pullPolicy ?? ''}\n`);
  } else {
    w.write(1, '<unknown>\n');
  }
}

/** `describeVolumes(volumes, w, space)`. */
export function describeVolumes(volumes: Volume[] | undefined, w: DescribeWriter, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space.length > 0 ? ' ' : ''}${v.name}:\n`);
    describeSource(v, w);
  }
}
