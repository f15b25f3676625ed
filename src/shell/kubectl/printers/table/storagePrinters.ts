import { canonicalQuantity } from '../../../../lib/quantity';
import { since } from '../text/timeFormat';
import { arr, field, map, str } from './objectFields';
import type { KindPrinter } from './tableTypes';

const MODES: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** `GetAccessModesAsString`: `RWO,ROX,RWX,RWOP`, in that order, each once. */
export function accessModesString(modes: unknown): string {
  const list = arr<string>(modes);
  return MODES.filter(([m]) => list.includes(m)).map(([, s]) => s).join(',');
}

/** A storage quantity as `Quantity.String()` prints it, or '' when absent. */
export function storageString(v: unknown): string {
  return v === undefined || v === null ? '' : canonicalQuantity(v as string);
}

/** `GetPersistentVolumeClass` / `GetPersistentVolumeClaimClass`: the field, else the beta annotation. */
export function volumeClass(obj: { metadata: { annotations?: Record<string, string> } }, spec: unknown): string {
  return str(field(spec, 'storageClassName')) || (obj.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '');
}

/** `kubectl get pv` (`printPersistentVolume`). */
export const persistentVolumePrinter: KindPrinter = {
  group: '',
  kind: 'PersistentVolume',
  columns: [
    { name: 'Name', format: 'name' }, { name: 'Capacity' }, { name: 'Access Modes' }, { name: 'Reclaim Policy' }, { name: 'Status' }, { name: 'Claim' },
    { name: 'StorageClass' }, { name: 'VolumeAttributesClass' }, { name: 'Reason' }, { name: 'Age' }, { name: 'VolumeMode', priority: 1 },
  ],
  row: (obj, now) => {
    const claim = field(obj.spec, 'claimRef') as { namespace?: string; name?: string } | undefined;
    return [
      obj.metadata.name,
      storageString(map(field(obj.spec, 'capacity')).storage),
      accessModesString(field(obj.spec, 'accessModes')),
      str(field(obj.spec, 'persistentVolumeReclaimPolicy')),
      obj.metadata.deletionTimestamp ? 'Terminating' : str(field(obj.status, 'phase')),
      claim ? `${claim.namespace ?? ''}/${claim.name ?? ''}` : '',
      volumeClass(obj, obj.spec),
      str(field(obj.spec, 'volumeAttributesClassName')) || '<unset>',
      str(field(obj.status, 'reason')),
      since(obj.metadata.creationTimestamp, now),
      str(field(obj.spec, 'volumeMode')) || '<unset>',
    ];
  },
};

/** `kubectl get pvc` (`printPersistentVolumeClaim`): VOLUME, CAPACITY and ACCESS MODES stay empty until bound. */
export const persistentVolumeClaimPrinter: KindPrinter = {
  group: '',
  kind: 'PersistentVolumeClaim',
  columns: [
    { name: 'Name', format: 'name' }, { name: 'Status' }, { name: 'Volume' }, { name: 'Capacity' }, { name: 'Access Modes' },
    { name: 'StorageClass' }, { name: 'VolumeAttributesClass' }, { name: 'Age' }, { name: 'VolumeMode', priority: 1 },
  ],
  row: (obj, now) => {
    const volume = str(field(obj.spec, 'volumeName'));
    return [
      obj.metadata.name,
      obj.metadata.deletionTimestamp ? 'Terminating' : str(field(obj.status, 'phase')),
      volume,
      volume ? storageString(map(field(obj.status, 'capacity')).storage) : '',
      volume ? accessModesString(field(obj.status, 'accessModes')) : '',
      volumeClass(obj, obj.spec),
      str(field(obj.spec, 'volumeAttributesClassName')) || '<unset>',
      since(obj.metadata.creationTimestamp, now),
      str(field(obj.spec, 'volumeMode')) || '<unset>',
    ];
  },
};

/** Whether a StorageClass carries the default-class annotation (`IsDefaultAnnotation`). */
export function isDefaultClass(obj: { metadata: { annotations?: Record<string, string> } }): boolean {
  const a = obj.metadata.annotations ?? {};
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}

/** `kubectl get storageclass` (`printStorageClass`): the default class reads `standard (default)`. */
export const storageClassPrinter: KindPrinter = {
  group: 'storage.k8s.io',
  kind: 'StorageClass',
  columns: [{ name: 'Name', format: 'name' }, { name: 'Provisioner' }, { name: 'ReclaimPolicy' }, { name: 'VolumeBindingMode' }, { name: 'AllowVolumeExpansion' }, { name: 'Age' }],
  row: (obj, now) => [
    isDefaultClass(obj) ? `${obj.metadata.name} (default)` : obj.metadata.name,
    str(obj.provisioner),
    str(obj.reclaimPolicy) || 'Delete',
    str(obj.volumeBindingMode) || 'Immediate',
    obj.allowVolumeExpansion === true,
    since(obj.metadata.creationTimestamp, now),
  ],
};
