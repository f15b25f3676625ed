import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/types';
import { affinityTerms, weightedAffinityTerms, type AffinityTerm, type WeightedAffinityTerm } from './affinityTerm';
import { getHostPorts, type HostPort } from './hostPorts';
import { computePodResources, type PodResources } from './podResources';

export type PodObject = Stored<Pod>;

const NO_TERMS: readonly never[] = Object.freeze([]);
const NO_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * `framework.PodInfo`: a pod with what the scheduler derives from it once
 * (requests, host ports, parsed inter-pod affinity terms), shared by the
 * node cache and the scheduling cycle. The derived data never changes: a pod
 * whose labels or termination changed gets a new PodInfo; only `pod` follows
 * newer versions of the object (binding, status updates).
 */
export class PodInfo {
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly res: PodResources;
  readonly hostPorts: readonly HostPort[];
  /** `spec.priority` (0 without a PriorityClass). */
  readonly priority: number;
  /** Has a deletionTimestamp (still occupies its node). */
  readonly terminating: boolean;
  readonly requiredAffinityTerms: readonly AffinityTerm[];
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[];
  readonly preferredAffinityTerms: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: readonly WeightedAffinityTerm[];
  /** `podWithAffinity`: has a podAffinity or podAntiAffinity block. */
  readonly hasAffinity: boolean;
  /** `podWithRequiredAntiAffinity`. */
  readonly hasRequiredAntiAffinity: boolean;

  /** `same`: a PodInfo of the same pod whose spec-derived data can be reused. */
  constructor(
    /** The latest version of the pod object seen (the one it was assumed with, until the binding lands). */
    public pod: PodObject,
    same?: PodInfo,
    /** Its `namespace/name`, when the caller has that string already. */
    key?: string,
  ) {
    const meta = pod.metadata;
    this.namespace = meta.namespace ?? '';
    this.name = meta.name;
    this.key = key ?? `${this.namespace}/${this.name}`;
    this.uid = meta.uid ?? '';
    this.labels = meta.labels ?? NO_LABELS;
    this.terminating = meta.deletionTimestamp != null;
    if (same) {
      this.res = same.res;
      this.hostPorts = same.hostPorts;
      this.priority = same.priority;
      this.hasAffinity = same.hasAffinity;
      this.hasRequiredAntiAffinity = same.hasRequiredAntiAffinity;
      this.requiredAffinityTerms = same.requiredAffinityTerms;
      this.requiredAntiAffinityTerms = same.requiredAntiAffinityTerms;
      this.preferredAffinityTerms = same.preferredAffinityTerms;
      this.preferredAntiAffinityTerms = same.preferredAntiAffinityTerms;
      return;
    }
    this.res = computePodResources(pod.spec);
    this.hostPorts = getHostPorts(pod.spec);
    this.priority = pod.spec?.priority ?? 0;
    const aff = pod.spec?.affinity;
    const pa = aff?.podAffinity;
    const paa = aff?.podAntiAffinity;
    this.hasAffinity = pa != null || paa != null;
    this.hasRequiredAntiAffinity = (paa?.requiredDuringSchedulingIgnoredDuringExecution?.length ?? 0) > 0;
    const ns = this.namespace;
    this.requiredAffinityTerms = pa?.requiredDuringSchedulingIgnoredDuringExecution ? affinityTerms(ns, pa.requiredDuringSchedulingIgnoredDuringExecution) : NO_TERMS;
    this.requiredAntiAffinityTerms = paa?.requiredDuringSchedulingIgnoredDuringExecution ? affinityTerms(ns, paa.requiredDuringSchedulingIgnoredDuringExecution) : NO_TERMS;
    this.preferredAffinityTerms = pa?.preferredDuringSchedulingIgnoredDuringExecution ? weightedAffinityTerms(ns, pa.preferredDuringSchedulingIgnoredDuringExecution) : NO_TERMS;
    this.preferredAntiAffinityTerms = paa?.preferredDuringSchedulingIgnoredDuringExecution ? weightedAffinityTerms(ns, paa.preferredDuringSchedulingIgnoredDuringExecution) : NO_TERMS;
  }
}
