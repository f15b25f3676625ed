import type { ApiClient, Cluster } from '../../../sim/k8s/index';

/** What the printers read besides the objects themselves. */
export interface PrintContext {
  cluster: Cluster;
  client: ApiClient;
  /** Virtual now, ms since the epoch. */
  now: number;
}

/** The flags of `kubectl get` that shape a table. */
export interface TableOptions {
  wide?: boolean;
  showLabels?: boolean;
  labelColumns?: string[];
  /** `-A`: a NAMESPACE column first (namespaced kinds only). */
  allNamespaces?: boolean;
  /** Prefix names with `<kind>[.<group>]/` (multi-kind output, `get all`). */
  withKindPrefix?: boolean;
  noHeaders?: boolean;
  /** `--output-watch-events`: an EVENT column first, one watch event type per object (same order). */
  eventTypes?: readonly string[];
}

/** A parsed `-o` value. */
export type OutputFormat =
  | { type: 'table' }
  | { type: 'wide' }
  | { type: 'yaml' }
  | { type: 'json' }
  | { type: 'name' }
  | { type: 'jsonpath'; template: string; /** `-o jsonpath-as-json`: each template node's results as a JSON array. */ asJson?: boolean }
  | { type: 'go-template'; template: string }
  | { type: 'custom-columns'; spec: string };
