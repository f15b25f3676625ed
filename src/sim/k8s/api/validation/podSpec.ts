import { fieldError, type FieldError } from '../fieldErrors';
import { goToleration, objects, validateContainers, validateDNS1123Label, validateEphemeralContainers } from './containers';
import { isQualifiedName, isValidLabelValue, nameIsDNSSubdomain } from './names';
import { validateAnnotations, validateLabels } from './objectMeta';

/**
 * `ValidatePodSpec` and `ValidatePodTemplateSpec` (`pkg/apis/core/validation`):
 * volumes, containers, restart and DNS policies, node selector, service
 * account, tolerations — in the API server's order, with its messages.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume',
  'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
];

/** Required name fields of the common volume sources. */
const SOURCE_REQUIRED: Record<string, string> = { configMap: 'name', secret: 'secretName', persistentVolumeClaim: 'claimName', hostPath: 'path', nfs: 'server' };

/** `ValidateVolumes`: returns the valid volume names for the mounts. */
function validateVolumes(volumes: Obj[], path: string): { names: Set<string>; errs: FieldError[] } {
  const names = new Set<string>();
  const errs: FieldError[] = [];
  volumes.forEach((vol, i) => {
    const p = `${path}[${i}]`;
    const el: FieldError[] = [];
    const sources = VOLUME_SOURCES.filter((k) => vol[k] !== undefined && vol[k] !== null);
    if (sources.length === 0) el.push(fieldError.required(p, 'must specify a volume type'));
    for (const extra of sources.slice(1)) el.push(fieldError.forbidden(`${p}.${extra}`, 'may not specify more than 1 volume type'));
    const src = sources[0];
    const required = src ? SOURCE_REQUIRED[src] : undefined;
    if (required && isObj(vol[src]) && !str((vol[src] as Obj)[required])) el.push(fieldError.required(`${p}.${src}.${required}`, ''));
    const name = str(vol.name);
    if (!name) el.push(fieldError.required(`${p}.name`, ''));
    else el.push(...validateDNS1123Label(name, `${p}.name`));
    if (names.has(name)) el.push(fieldError.duplicate(`${p}.name`, name));
    if (el.length === 0) names.add(name);
    errs.push(...el);
  });
  return { names, errs };
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function validateEnum(value: unknown, allowed: string[], path: string): FieldError[] {
  const v = str(value);
  if (!v) return [fieldError.required(path, '')];
  return allowed.includes(v) ? [] : [fieldError.notSupported(path, v, allowed)];
}

/** `ValidateTolerations`. */
export function validateTolerations(tolerations: Obj[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  tolerations.forEach((t, i) => {
    const p = `${path}[${i}]`;
    const key = str(t.key);
    const op = str(t.operator);
    if (key) for (const msg of isQualifiedName(key)) errs.push(fieldError.invalid(`${p}.key`, key, msg));
    if (!key && op !== 'Exists') errs.push(fieldError.invalid(`${p}.operator`, op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute') {
      errs.push(fieldError.invalid(`${p}.effect`, str(t.effect), "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (op === 'Equal' || op === '') {
      const msgs = isValidLabelValue(str(t.value));
      if (msgs.length) errs.push(fieldError.invalid(`${p}.operator`, str(t.value), msgs.join(';')));
    } else if (op === 'Exists') {
      if (str(t.value)) errs.push(fieldError.invalid(`${p}.operator`, goToleration(t), "value must be empty when `operator` is 'Exists'"));
    } else errs.push(fieldError.notSupported(`${p}.operator`, op, ['Equal', 'Exists']));
    if (str(t.effect) && !TAINT_EFFECTS.includes(str(t.effect))) errs.push(fieldError.notSupported(`${p}.effect`, str(t.effect), TAINT_EFFECTS));
  });
  return errs;
}

/** `ValidatePodSpec` (after defaulting). */
export function validatePodSpec(spec: unknown, path: string): FieldError[] {
  const s = isObj(spec) ? spec : {};
  const { names, errs } = validateVolumes(objects(s.volumes), `${path}.volumes`);
  errs.push(...validateContainers(objects(s.containers), objects(s.initContainers), names, path));
  errs.push(...validateEphemeralContainers(objects(s.ephemeralContainers), objects(s.containers), objects(s.initContainers), names, path));
  errs.push(...validateEnum(s.restartPolicy, RESTART_POLICIES, `${path}.restartPolicy`));
  errs.push(...validateEnum(s.dnsPolicy, DNS_POLICIES, `${path}.dnsPolicy`));
  errs.push(...validateLabels(isObj(s.nodeSelector) ? (s.nodeSelector as Record<string, string>) : undefined, `${path}.nodeSelector`));
  const sa = str(s.serviceAccountName);
  if (sa) for (const msg of nameIsDNSSubdomain(sa, false)) errs.push(fieldError.invalid(`${path}.serviceAccountName`, sa, msg));
  const node = str(s.nodeName);
  if (node) for (const msg of nameIsDNSSubdomain(node, false)) errs.push(fieldError.invalid(`${path}.nodeName`, node, msg));
  if (typeof s.activeDeadlineSeconds === 'number' && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > 2147483647)) {
    errs.push(fieldError.invalid(`${path}.activeDeadlineSeconds`, s.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  }
  if (str(s.hostname)) errs.push(...validateDNS1123Label(str(s.hostname), `${path}.hostname`));
  if (str(s.subdomain)) errs.push(...validateDNS1123Label(str(s.subdomain), `${path}.subdomain`));
  errs.push(...validateTolerations(objects(s.tolerations), `${path}.tolerations`));
  return errs;
}

/** `ValidatePodTemplateSpec`: labels and annotations (Go paths them as `template.labels`), then the PodSpec. */
export function validatePodTemplateSpec(template: unknown, path: string): FieldError[] {
  const t = isObj(template) ? template : {};
  const meta = isObj(t.metadata) ? t.metadata : {};
  const errs = validateLabels(meta.labels as Record<string, string> | undefined, `${path}.labels`);
  errs.push(...validateAnnotations(meta.annotations as Record<string, string> | undefined, `${path}.annotations`));
  errs.push(...validatePodSpec(t.spec, `${path}.spec`));
  if (isObj(t.spec) && objects(t.spec.ephemeralContainers).length > 0) errs.push(fieldError.forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  return errs;
}

/** `ValidatePodCreate`: the spec, and no ephemeral containers (they come only through the `ephemeralcontainers` subresource). */
export function validatePodCreate(spec: unknown): FieldError[] {
  const errs = validatePodSpec(spec, 'spec');
  if (isObj(spec) && objects(spec.ephemeralContainers).length > 0) errs.push(fieldError.forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  return errs;
}
