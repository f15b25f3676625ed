import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/types';
import { affinityTerms, weightedAffinityTerms, type AffinityTerm, type WeightedAffinityTerm } from './affinityTerm';
import { getHostPorts, type HostPort } from './hostPorts';
import type { NodeInfo } from './nodeInfo';
import { computePodResources, type PodResources } from './podResources';

export type PodObject = Stored<Pod>;

const NO_TERMS: readonly never[] = Object.freeze([]);
const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * What the scheduler derives from a pod's spec besides its requests: host
 * ports, priority and parsed inter-pod affinity terms. Most pods have none of
 * it and share one instance (`PLAIN`).
 */
class PodTraits {
  constructor(
    readonly hostPorts: readonly HostPort[],
    readonly priority: number,
    readonly requiredAffinityTerms: readonly AffinityTerm[],
    readonly requiredAntiAffinityTerms: readonly AffinityTerm[],
    readonly preferredAffinityTerms: readonly WeightedAffinityTerm[],
    readonly preferredAntiAffinityTerms: readonly WeightedAffinityTerm[],
    readonly hasAffinity: boolean,
    readonly hasRequiredAntiAffinity: boolean,
  ) {}
}

const PLAIN = new PodTraits(NO_TERMS, 0, NO_TERMS, NO_TERMS, NO_TERMS, NO_TERMS, false, false);

function traitsOf(pod: PodObject, namespace: string): PodTraits {
  const hostPorts = getHostPorts(pod.spec);
  const priority = pod.spec?.priority ?? 0;
  const aff = pod.spec?.affinity;
  const pa = aff?.podAffinity;
  const paa = aff?.podAntiAffinity;
  if (hostPorts.length === 0 && priority === 0 && pa == null && paa == null) return PLAIN;
  return new PodTraits(
    hostPorts,
    priority,
    pa?.requiredDuringSchedulingIgnoredDuringExecution ? affinityTerms(namespace, pa.requiredDuringSchedulingIgnoredDuringExecution) : NO_TERMS,
    paa?.requiredDuringSchedulingIgnoredDuringExecution ? affinityTerms(namespace, paa.requiredDuringSchedulingIgnoredDuringExecution) : NO_TERMS,
    pa?.preferredDuringSchedulingIgnoredDuringExecution ? weightedAffinityTerms(namespace, pa.preferredDuringSchedulingIgnoredDuringExecution) : NO_TERMS,
    paa?.preferredDuringSchedulingIgnoredDuringExecution ? weightedAffinityTerms(namespace, paa.preferredDuringSchedulingIgnoredDuringExecution) : NO_TERMS,
    pa != null || paa != null,
    (paa?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0,
  );
}

/**
 * `framework.PodInfo`: a pod with what the scheduler derives from it once
 * (requests, host ports, parsed inter-pod affinity terms), shared by the
 * node cache and the scheduling cycle. The derived data never changes: a pod
 * whose labels or termination changed gets a new PodInfo; only `pod` follows
 * newer versions of the object (binding, status updates). One per pod in the
 * cache, so it keeps few fields: the rest is read through `pod` or `traits`.
 */
export class PodInfo {
  readonly key: string;
  readonly uid: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly res: PodResources;
  /** Has a deletionTimestamp (still occupies its node). */
  readonly terminating: boolean;
  private readonly traits: PodTraits;
  /** The node the scheduler cache counts it on (kept by the cache; undefined outside it). */
  cachedNode: NodeInfo | undefined = undefined;
  /** The pod's decision-log row while the cache's entry holds it (see `PodRegistry`); -1: none. */
  decisionRow = -1;

  /** `same`: a PodInfo of the same pod whose spec-derived data can be reused. */
  constructor(
    /** The latest version of the pod object seen (the one it was assumed with, until the binding lands). */
    public pod: PodObject,
    same?: PodInfo,
    /** Its `namespace/name`, when the caller has that string already. */
    key?: string,
  ) {
    const meta = pod.metadata;
    this.key = key ?? `${meta.namespace ?? ''}/${meta.name}`;
    this.uid = meta.uid ?? '';
    this.labels = meta.labels ?? NO_LABELS;
    this.terminating = meta.deletionTimestamp != null;
    if (same) {
      this.res = same.res;
      this.traits = same.traits;
      return;
    }
    this.res = computePodResources(pod.spec);
    this.traits = traitsOf(pod, meta.namespace ?? '');
  }

  /** Every version of the pod has the same namespace and name (the key says so). */
  get namespace(): string {
    return this.pod.metadata.namespace ?? '';
  }
  get name(): string {
    return this.pod.metadata.name;
  }
  get hostPorts(): readonly HostPort[] {
    return this.traits.hostPorts;
  }
  /** `spec.priority` (0 without a PriorityClass). */
  get priority(): number {
    return this.traits.priority;
  }
  get requiredAffinityTerms(): readonly AffinityTerm[] {
    return this.traits.requiredAffinityTerms;
  }
  get requiredAntiAffinityTerms(): readonly AffinityTerm[] {
    return this.traits.requiredAntiAffinityTerms;
  }
  get preferredAffinityTerms(): readonly WeightedAffinityTerm[] {
    return this.traits.preferredAffinityTerms;
  }
  get preferredAntiAffinityTerms(): readonly WeightedAffinityTerm[] {
    return this.traits.preferredAntiAffinityTerms;
  }
  /** `podWithAffinity`: has a podAffinity or podAntiAffinity block. */
  get hasAffinity(): boolean {
    return this.traits.hasAffinity;
  }
  /** `podWithRequiredAntiAffinity`. */
  get hasRequiredAntiAffinity(): boolean {
    return this.traits.hasRequiredAntiAffinity;
  }
}
