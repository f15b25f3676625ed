/**
 * Copies of stored objects whose fields all sit inside the object.
 *
 * A plain `{}` has room for four fields; Node 20's V8 keeps the fields
 * added beyond those in a separate array that grows three slots at a time
 * (one more object to allocate, copy and keep per copy: a pod's metadata
 * has 8 fields, its spec 13-14). An object made by `new C()` gets room for
 * the fields its constructor's first objects had. So each field count has
 * its own constructor, used only for objects with that many fields: their
 * copies have exactly that room, and copies with the same keys in the same
 * order share one hidden class (a spread copy gets a new one per source
 * class, so a pod's copies after create, bind and status writes would make
 * the sites that read them megamorphic).
 *
 * The constructors' prototype is `Object.prototype`: a copy is a plain
 * object to every reader (`constructor === Object`, same keys, same order).
 */
type Ctor = new () => Record<string, unknown>;

/**
 * A constructor whose objects have room for up to 32 fields: V8 sizes them
 * from the `this.x` stores in its body (never run: `new C()` passes no
 * argument, and a minifier cannot drop the branch), then shrinks them to
 * what its first objects used.
 */
function sizedConstructor(): Ctor {
  const C = function CompactObject(this: Record<string, unknown>, fill?: number) {
    if (fill !== undefined) {
      this.a = this.b = this.c = this.d = this.e = this.f = this.g = this.h = fill;
      this.i = this.j = this.k = this.l = this.m = this.n = this.o = this.p = fill;
      this.q = this.r = this.s = this.t = this.u = this.v = this.w = this.x = fill;
    }
  } as unknown as Ctor & { prototype: object };
  C.prototype = Object.prototype;
  return C;
}

const MAX_FIELDS = 24;
const BY_FIELD_COUNT: Ctor[] = Array.from({ length: MAX_FIELDS + 1 }, sizedConstructor);

/**
 * How many fields `o` has, to pick the constructor whose room fits. Counts
 * inherited enumerable fields too (none on the plain objects copied here):
 * a wrong count would only pick another room, never change the copy, and
 * asking `hasOwnProperty` of each key doubled the cost of a pod's copies.
 */
function fieldCount(o: object): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}

/**
 * `{ ...o, [key]: value }` (or `{ ...o }` without a key) as a compact object:
 * `o`'s own enumerable fields in its order, `key` last if `o` lacks it.
 *
 * @example compactWith({ a: 1, b: 2 }, 'c', 3) // { a: 1, b: 2, c: 3 }
 */
export function compactWith<T extends object>(o: T, key?: string, value?: unknown): T {
  const n = fieldCount(o) + (key !== undefined && !Object.prototype.hasOwnProperty.call(o, key) ? 1 : 0);
  const out = n <= MAX_FIELDS ? new BY_FIELD_COUNT[n]() : {};
  Object.assign(out, o);
  if (key !== undefined) out[key] = value;
  return out as T;
}

/**
 * A compact copy of `o` with room for each key of `next` it lacks: the
 * fields the caller adds right after (adding them to a plain copy would
 * regrow its property array three slots at a time).
 *
 * @example const spec = compactCopyFor(pod.spec, ['priority']); spec.priority = 0;
 */
export function compactCopyFor<T extends object>(o: T, next: readonly string[]): T {
  let n = fieldCount(o);
  for (const k of next) if (!Object.prototype.hasOwnProperty.call(o, k)) n++;
  const out = n <= MAX_FIELDS ? new BY_FIELD_COUNT[n]() : {};
  return Object.assign(out, o) as T;
}

/**
 * The pod `create` stores: its own and its metadata's fields inside the
 * objects (pods are most of what a cluster keeps; admission made the spec
 * compact already).
 */
export function compactPod<T extends { metadata: object }>(pod: T): T {
  return compactWith(pod, 'metadata', compactWith(pod.metadata));
}

/** The fields `create` may add to a pod's metadata, in the order it adds them. */
const CREATED_META = ['namespace', 'name', 'uid', 'creationTimestamp', 'resourceVersion'];
const CREATED_POD = ['metadata', 'spec', 'status'];

/**
 * The copy of a new pod that `create` fills in place and stores: compact,
 * with room for the fields create adds (status; namespace, name, uid,
 * creationTimestamp, resourceVersion in the metadata), so that it needs no
 * `compactPod` copy at the end. Same keys in the same order as
 * `{ ...pod, metadata: { ...pod.metadata } }`.
 */
export function podShell<T extends { metadata?: object }>(pod: T): T & { metadata: NonNullable<T['metadata']> } {
  const metadata = compactCopyFor(pod.metadata ?? {}, CREATED_META);
  const out = compactCopyFor(pod, CREATED_POD) as Record<string, unknown>;
  out.metadata = metadata;
  return out as T & { metadata: NonNullable<T['metadata']> };
}

/**
 * Key lists with a copier of their own. `Object.assign` adds a copy's keys
 * one at a time, each a search of the hidden-class transitions (~0.2 µs for
 * a pod's metadata, four copies per pod); a constructor storing the same
 * keys in the same order makes the same object several times faster. An
 * object matches when `for…in` lists exactly these keys in this order (so
 * no inherited enumerable ones; stored objects carry no symbol keys).
 */
function hasLayout(o: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in o) if (k !== keys[i++]) return false;
  return i === keys.length;
}

type Fields = Record<string, unknown>;

/** The metadata of a workload's pods (ReplicaSet, Job, …): generated name, owner, labels. */
const WORKLOAD_POD_META = ['name', 'generateName', 'namespace', 'ownerReferences', 'labels', 'uid', 'creationTimestamp', 'resourceVersion'];

const WorkloadPodMeta = function WorkloadPodMeta(this: Fields, m: Fields, resourceVersion: string) {
  this.name = m.name;
  this.generateName = m.generateName;
  this.namespace = m.namespace;
  this.ownerReferences = m.ownerReferences;
  this.labels = m.labels;
  this.uid = m.uid;
  this.creationTimestamp = m.creationTimestamp;
  this.resourceVersion = resourceVersion;
} as unknown as (new (m: Fields, resourceVersion: string) => Fields) & { prototype: object };
WorkloadPodMeta.prototype = Object.prototype;

/** `compactWith(meta, 'resourceVersion', resourceVersion)`: a stored pod's metadata for its next write. */
export function withResourceVersion<T extends object>(meta: T, resourceVersion: string): T {
  if (hasLayout(meta, WORKLOAD_POD_META)) return new WorkloadPodMeta(meta as Fields, resourceVersion) as T;
  return compactWith(meta, 'resourceVersion', resourceVersion);
}

/** A pod spec as defaulting and admission leave a template that sets only its containers (most workloads' pods). */
const TEMPLATE_POD_SPEC = ['containers', 'dnsPolicy', 'restartPolicy', 'securityContext', 'terminationGracePeriodSeconds', 'schedulerName', 'enableServiceLinks', 'serviceAccountName', 'serviceAccount', 'volumes', 'priority', 'preemptionPolicy', 'tolerations'];

const BoundPodSpec = function BoundPodSpec(this: Fields, s: Fields, nodeName: string) {
  this.containers = s.containers;
  this.dnsPolicy = s.dnsPolicy;
  this.restartPolicy = s.restartPolicy;
  this.securityContext = s.securityContext;
  this.terminationGracePeriodSeconds = s.terminationGracePeriodSeconds;
  this.schedulerName = s.schedulerName;
  this.enableServiceLinks = s.enableServiceLinks;
  this.serviceAccountName = s.serviceAccountName;
  this.serviceAccount = s.serviceAccount;
  this.volumes = s.volumes;
  this.priority = s.priority;
  this.preemptionPolicy = s.preemptionPolicy;
  this.tolerations = s.tolerations;
  this.nodeName = nodeName;
} as unknown as (new (s: Fields, nodeName: string) => Fields) & { prototype: object };
BoundPodSpec.prototype = Object.prototype;

/** `compactWith(spec, 'nodeName', nodeName)`: the spec a binding stores. */
export function withNodeName<T extends object>(spec: T, nodeName: string): T {
  if (hasLayout(spec, TEMPLATE_POD_SPEC)) return new BoundPodSpec(spec as Fields, nodeName) as T;
  return compactWith(spec, 'nodeName', nodeName);
}

/** The top level of most stored objects with a status (Deployments, ReplicaSets, Nodes, …). */
const STATUS_OBJECT = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];

const StatusObject = function StatusObject(this: Fields, o: Fields, metadata: unknown, status: unknown) {
  this.apiVersion = o.apiVersion;
  this.kind = o.kind;
  this.metadata = metadata;
  this.spec = o.spec;
  this.status = status;
} as unknown as (new (o: Fields, metadata: unknown, status: unknown) => Fields) & { prototype: object };
StatusObject.prototype = Object.prototype;

/**
 * `{ ...o, metadata, status }`. A spread site fed objects of many kinds
 * (and of each kind's several write paths) is megamorphic and copies on
 * V8's slow generic path; most objects have this one key list.
 */
export function withMetadataAndStatus<T extends object>(o: T, metadata: unknown, status: unknown): T {
  if (hasLayout(o, STATUS_OBJECT)) return new StatusObject(o as Fields, metadata, status) as T;
  return { ...o, metadata, status };
}
