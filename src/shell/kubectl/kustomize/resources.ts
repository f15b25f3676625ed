import { parseAllDocuments } from 'yaml';
import { RESOURCES, splitApiVersion, type ResourceInfo } from '../../../sim/k8s/index';
import { KustomizeError, yamlProblem, type Dict } from './kustomization';

/** One resource of a build: the object as it is now, and its name as it was loaded or generated. */
export interface Res {
  obj: Dict;
  /** The name before any prefix, suffix or hash (what patches, replicas and references match). */
  orgName: string;
  /** A generated ConfigMap or Secret whose name gets the content hash. */
  needsHash: boolean;
}

export function meta(obj: Dict): Dict {
  if (typeof obj.metadata !== 'object' || obj.metadata === null) obj.metadata = {};
  return obj.metadata as Dict;
}

export function nameOf(obj: Dict): string {
  return String(meta(obj).name ?? '');
}

export function namespaceOf(obj: Dict): string {
  const ns = meta(obj).namespace;
  return typeof ns === 'string' ? ns : '';
}

export function gvkOf(obj: Dict): { group: string; version: string; kind: string } {
  return { ...splitApiVersion(typeof obj.apiVersion === 'string' ? obj.apiVersion : ''), kind: typeof obj.kind === 'string' ? obj.kind : '' };
}

/** kustomize's `Gvk.String()`: `Deployment.v1.apps`, `Service.v1.[noGrp]`. */
export function gvkString(obj: Dict): string {
  const { group, version, kind } = gvkOf(obj);
  return `${kind}.${version || '[noVer]'}.${group || '[noGrp]'}`;
}

/** kustomize's `ResId.String()`: `Deployment.v1.apps/web.[noNs]`. */
export function idString(obj: Dict): string {
  return `${gvkString(obj)}/${nameOf(obj)}.${namespaceOf(obj) || '[noNs]'}`;
}

/** The served resource of a kind (by group and kind), if the playground serves it. */
export function infoOf(obj: Dict): ResourceInfo | undefined {
  const { group, kind } = gvkOf(obj);
  return RESOURCES.find((r) => r.kind === kind && r.group === group);
}

/** Cluster-scoped kinds kustomize knows (a kind it does not know is namespaced). */
export function isNamespaced(obj: Dict): boolean {
  const info = infoOf(obj);
  if (info) return info.namespaced;
  return !['APIService', 'CSIDriver', 'CSINode', 'ComponentStatus', 'CustomResourceDefinition', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'RuntimeClass', 'VolumeAttachment', 'CertificateSigningRequest', 'FlowSchema', 'PriorityLevelConfiguration'].includes(gvkOf(obj).kind);
}

/** The objects of a resource file (YAML documents or JSON; `kind: List` items spread), as kustomize reads them. */
export function readObjects(text: string, source: string): Dict[] {
  const out: Dict[] = [];
  for (const doc of parseAllDocuments(text, { uniqueKeys: false })) {
    if (!('errors' in doc)) continue;
    if (doc.errors.length > 0) {
      throw new KustomizeError(`accumulating resources: accumulation err='accumulating resources from '${source}': ${yamlProblem(doc.errors[0])}'`);
    }
    const v = doc.toJS() as unknown;
    if (v === null || v === undefined) continue;
    if (typeof v !== 'object' || Array.isArray(v)) throw new KustomizeError(`accumulating resources: accumulation err='accumulating resources from '${source}': missing Resource metadata'`);
    const obj = v as Dict;
    if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) {
      for (const item of obj.items) if (item && typeof item === 'object') out.push(item as Dict);
    } else out.push(obj);
  }
  for (const obj of out) {
    if (typeof obj.kind !== 'string' || obj.kind === '') throw new KustomizeError(`accumulating resources: accumulation err='accumulating resources from '${source}': missing kind in object'`);
  }
  return out;
}

/** Adds `obj` to the list, refusing a second resource with the same id as kustomize does (`file`: the resources entry and its absolute path it came from). */
export function appendRes(list: Res[], res: Res, file?: { entry: string; absolute: string }): void {
  const id = idString(res.obj);
  if (list.some((r) => idString(r.obj) === id)) {
    const message = `may not add resource with an already registered id: ${id}`;
    throw new KustomizeError(file ? `accumulating resources: accumulation err='merging resources from '${file.entry}': ${message}': must build at directory: '${file.absolute}': file is not directory` : message);
  }
  list.push(res);
}
