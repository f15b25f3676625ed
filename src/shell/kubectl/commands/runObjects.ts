import { applyPatch, decodeObject, type KubeObject, type ResourceInfo } from '../../../sim/k8s/index';
import type { CommandContext } from '../command';
import { err, type KubectlError } from '../errors';
import { parseLabels } from '../generateParams';
import { goJsonSyntaxError } from '../goJsonSyntax';

/**
 * The objects `kubectl run` builds besides its pod (kubectl
 * `pkg/cmd/run/run.go`): the Service of `--expose` (the `service/v2`
 * generator) and the pod as `--overrides` changes it (`cmdutil.Overrider`).
 */

/** A built object, or kubectl's error. */
export type Built = { object: KubeObject; error?: undefined } | { error: KubectlError };

/**
 * `generateService`: a ClusterIP Service named after the pod, on `--port`
 * (the target port too), selecting the pod's labels (`--labels`, else
 * `run=NAME`) and labelled with `--labels` when given.
 */
export function runService(ctx: CommandContext, name: string, labelsText: string, port: string): Built {
  const selector = parseLabels(labelsText || `run=${name}`);
  if (typeof selector === 'string') return { error: err.message(selector) };
  const metadata: KubeObject['metadata'] = { creationTimestamp: null as unknown as string, name };
  if (labelsText) metadata.labels = selector;
  if (ctx.explicitNamespace) metadata.namespace = ctx.namespace;
  // The pod's generator has parsed --port already (strconv.Atoi), so it is one number here.
  const n = Number(port);
  const ports = [{ port: n | 0, protocol: 'TCP', targetPort: n | 0 }];
  return { object: { apiVersion: 'v1', kind: 'Service', metadata, spec: { ports, selector }, status: { loadBalancer: {} } } };
}

/** How Go's reflect names the struct the universal decoder reads a kind from. */
const TYPE_META = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

const OVERRIDE_TYPES = ['json', 'merge', 'strategic'] as const;
type OverrideType = (typeof OVERRIDE_TYPES)[number];

/**
 * `Overrider.Apply`: the generated pod encoded to JSON, the `--overrides`
 * patch applied to it (`--override-type`: an RFC 7396 merge patch by
 * default, an RFC 6902 JSON patch, or a strategic merge patch), then decoded
 * back as kubectl's own decoder does (unknown fields dropped).
 */
export function applyOverrides(ctx: CommandContext, generated: KubeObject, info: ResourceInfo): Built {
  const text = ctx.flags.string('overrides');
  if (!text) return { object: generated };
  const type = (ctx.flags.string('override-type') || 'merge') as OverrideType;
  if (!OVERRIDE_TYPES.includes(type)) return { error: err.message(`invalid override type: ${type}`) };
  const syntax = goJsonSyntaxError(text);
  const patch = syntax ? undefined : (JSON.parse(text) as unknown);
  const shape = patch === null ? 'null' : Array.isArray(patch) ? 'array' : typeof patch;
  if (type === 'merge') {
    // evanphx/json-patch's MergePatch: errBadJSONPatch for what is not an object or an array; an array replaces the document, which then has no kind.
    if (syntax || (shape !== 'object' && shape !== 'array')) return { error: err.message('Invalid JSON Patch') };
    if (shape === 'array') return { error: err.message(`couldn't get version/kind; json parse error: json: cannot unmarshal array into Go value of type ${TYPE_META}`) };
  } else if (type === 'strategic') {
    // strategicpatch answers mergepatch.ErrBadJSONDoc for anything but an object (null patches nothing).
    if (syntax || (shape !== 'object' && shape !== 'null')) return { error: err.message('invalid JSON document') };
    if (shape === 'null') return { object: asGoPod(generated) };
  } else {
    if (syntax) return { error: err.message(syntax) };
    if (shape === 'null') return { object: asGoPod(generated) };
    if (shape !== 'array') return { error: err.message(`json: cannot unmarshal ${shape === 'object' ? 'object' : shape === 'boolean' ? 'bool' : shape} into Go value of type jsonpatch.Patch`) };
  }
  const patched = applyPatch(generated, patch, type, info);
  if (!patched.ok) return { error: err.message(patched.message) };
  const decoded = decodeObject(patched.object, ctx.cluster.resources, true);
  if (!decoded.ok) return { error: err.message(decoded.message) };
  return { object: asGoPod(decoded.object) };
}

/** What the typed Pod kubectl decodes into prints even when empty: a zero creationTimestamp (`null`), `status: {}`, each container's `resources: {}`. */
function asGoPod(pod: KubeObject): KubeObject {
  if (pod.kind !== 'Pod') return pod;
  const out: KubeObject = { ...pod, metadata: { creationTimestamp: null as unknown as string, ...pod.metadata }, status: pod.status ?? {} };
  const spec = out.spec as { containers?: Record<string, unknown>[] } | undefined;
  if (spec?.containers) out.spec = { ...spec, containers: spec.containers.map((c) => ({ resources: {}, ...c })) };
  return out;
}
