import { parseQuantity } from '../../../../lib/quantity';
import { fieldError, type FieldError } from '../fieldErrors';
import { deepEqual } from '../objectDiff';
import type { KubeObject } from '../types';
import { validateLabelSelector } from './labelSelector';
import { isDNS1123Subdomain } from './names';
import { FIELD_IMMUTABLE } from './objectMeta';

/**
 * PersistentVolume, PersistentVolumeClaim and StorageClass validation
 * (`pkg/apis/core/validation`: `ValidatePersistentVolume`,
 * `ValidatePersistentVolumeClaim` and its update; `pkg/apis/storage/validation`).
 */

type Dict = Record<string, unknown>;
const dict = (v: unknown): Dict => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : {});

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const PV_RECLAIM = ['Delete', 'Recycle', 'Retain'];
const SC_RECLAIM = ['Delete', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];
const VOLUME_MODES = ['Block', 'Filesystem'];
/** The volume sources the playground knows by name (any one makes a PV valid). */
const PV_SOURCES = ['hostPath', 'local', 'nfs', 'csi', 'iscsi', 'fc', 'rbd', 'cephfs', 'gcePersistentDisk', 'awsElasticBlockStore', 'azureDisk', 'azureFile'];

function accessModes(modes: unknown, path: string, requiredDetail: string): FieldError[] {
  const list = Array.isArray(modes) ? modes : [];
  if (list.length === 0) return [fieldError.required(path, requiredDetail)];
  const errs: FieldError[] = [];
  for (const m of list) if (!ACCESS_MODES.includes(String(m))) errs.push(fieldError.notSupported(path, m, ACCESS_MODES));
  if (list.includes('ReadWriteOncePod') && list.length > 1) errs.push(fieldError.forbidden(path, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

function storageQuantity(v: unknown, path: string): FieldError[] {
  if (v === undefined) return [fieldError.required(path, '')];
  const q = parseQuantity(v as string);
  if (!q) return [fieldError.invalid(path, v, 'quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'')];
  if (q.value <= 0) return [fieldError.invalid(path, v, 'must be greater than zero')];
  return [];
}

function className(v: unknown, path: string): FieldError[] {
  if (typeof v !== 'string' || v === '') return [];
  return isDNS1123Subdomain(v).map((msg) => fieldError.invalid(path, v, msg));
}

/** `ValidatePersistentVolumeSpec`: capacity, access modes, exactly one volume source, reclaim policy. */
export function validatePersistentVolume(obj: KubeObject): FieldError[] {
  const spec = dict(obj.spec);
  const errs = accessModes(spec.accessModes, 'spec.accessModes', '');
  const capacity = dict(spec.capacity);
  if (Object.keys(capacity).length === 0) errs.push(fieldError.required('spec.capacity', ''));
  else {
    for (const k of Object.keys(capacity)) if (k !== 'storage') errs.push(fieldError.notSupported('spec.capacity', k, ['storage']));
    if ('storage' in capacity) errs.push(...storageQuantity(capacity.storage, 'spec.capacity[storage]'));
  }
  const sources = PV_SOURCES.filter((s) => spec[s] !== undefined);
  if (sources.length === 0) errs.push(fieldError.required('spec', 'must specify a volume type'));
  else if (sources.length > 1) errs.push(fieldError.forbidden(`spec.${sources[1]}`, 'may not specify more than 1 volume type'));
  const hostPath = dict(spec.hostPath);
  if (spec.hostPath !== undefined && !hostPath.path) errs.push(fieldError.required('spec.hostPath.path', ''));
  const reclaim = spec.persistentVolumeReclaimPolicy;
  if (reclaim !== undefined && !PV_RECLAIM.includes(String(reclaim))) errs.push(fieldError.notSupported('spec.persistentVolumeReclaimPolicy', reclaim, PV_RECLAIM));
  if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(String(spec.volumeMode))) errs.push(fieldError.notSupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  errs.push(...className(spec.storageClassName, 'spec.storageClassName'));
  return errs;
}

/** `ValidatePersistentVolumeUpdate`: the volume source and volumeMode are immutable. */
export function validatePersistentVolumeUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const spec = dict(obj.spec);
  const before = dict(old.spec);
  const errs: FieldError[] = [];
  for (const s of PV_SOURCES) {
    if (!deepEqual(spec[s], before[s])) errs.push(fieldError.forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'));
  }
  if (spec.volumeMode !== before.volumeMode) errs.push(fieldError.invalid('spec.volumeMode', spec.volumeMode, FIELD_IMMUTABLE));
  return errs.slice(0, 2);
}

/** `ValidatePersistentVolumeClaimSpec`: access modes, a storage request, selector and class name. */
export function validatePersistentVolumeClaim(obj: KubeObject): FieldError[] {
  const spec = dict(obj.spec);
  const errs = accessModes(spec.accessModes, 'spec.accessModes', 'at least 1 access mode is required');
  if (spec.selector !== undefined && spec.selector !== null) errs.push(...validateLabelSelector(spec.selector as never, 'spec.selector'));
  const requests = dict(dict(spec.resources).requests);
  if (requests.storage === undefined) errs.push(fieldError.required('spec.resources[storage]', ''));
  else errs.push(...storageQuantity(requests.storage, 'spec.resources[storage]'));
  if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(String(spec.volumeMode))) errs.push(fieldError.notSupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  errs.push(...className(spec.storageClassName, 'spec.storageClassName'));
  return errs;
}

/**
 * `ValidatePersistentVolumeClaimUpdate`: the spec is immutable except
 * `resources.requests` (bound claims), and `volumeName` / `storageClassName`
 * may be filled in once (binding, default class).
 */
export function validatePersistentVolumeClaimUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const spec = dict(obj.spec);
  const before = { ...dict(old.spec) };
  if (!before.volumeName) before.volumeName = spec.volumeName;
  if (before.storageClassName === undefined) before.storageClassName = spec.storageClassName;
  const bound = (old.status as Dict | undefined)?.phase === 'Bound';
  const strip = (s: Dict): Dict => {
    const { resources, volumeAttributesClassName: _ignored, ...rest } = s;
    return bound ? rest : { ...rest, resources };
  };
  if (!deepEqual(strip(spec), strip(before))) {
    return [fieldError.forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims')];
  }
  const was = parseQuantity(String(dict(dict(before.resources).requests).storage ?? '0'))?.value ?? 0;
  const now = parseQuantity(String(dict(dict(spec.resources).requests).storage ?? '0'))?.value ?? 0;
  if (now < was) return [fieldError.forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity')];
  return [];
}

/** `ValidateStorageClass`: a provisioner, a supported reclaim policy and binding mode. */
export function validateStorageClass(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (!obj.provisioner) errs.push(fieldError.required('provisioner', ''));
  else errs.push(...isDNS1123Subdomain(String(obj.provisioner).replace(/\//g, '.')).map((m) => fieldError.invalid('provisioner', obj.provisioner, m)));
  if (obj.reclaimPolicy !== undefined && !SC_RECLAIM.includes(String(obj.reclaimPolicy))) errs.push(fieldError.notSupported('reclaimPolicy', obj.reclaimPolicy, SC_RECLAIM));
  if (obj.volumeBindingMode !== undefined && !BINDING_MODES.includes(String(obj.volumeBindingMode))) errs.push(fieldError.notSupported('volumeBindingMode', obj.volumeBindingMode, BINDING_MODES));
  return errs;
}

/** `ValidateStorageClassUpdate`: parameters, provisioner, reclaimPolicy and volumeBindingMode are fixed. */
export function validateStorageClassUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (!deepEqual(obj.parameters ?? {}, old.parameters ?? {})) errs.push(fieldError.forbidden('parameters', 'updates to parameters are forbidden.'));
  if (obj.provisioner !== old.provisioner) errs.push(fieldError.forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (obj.reclaimPolicy !== old.reclaimPolicy) errs.push(fieldError.forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (obj.volumeBindingMode !== old.volumeBindingMode) errs.push(fieldError.invalid('volumeBindingMode', obj.volumeBindingMode, FIELD_IMMUTABLE));
  return errs;
}
