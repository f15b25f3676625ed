/**
 * Builds the editor's Kubernetes JSON Schema (validation, completion and hover
 * text in Monaco) from the per-kind schemas `gen-schemas.ts --full-out` writes:
 *
 *   npx tsx scripts/gen-editor-schemas.ts [--from DIR] [--out FILE]
 *
 * Without `--from` it runs gen-schemas.ts first (about 40 s). The result is one
 * file (default src/ui/editor/schemas/kubernetes.json), fetched when the editor
 * opens: every kind's definitions merged into one table (same-named types that
 * differ get `Name~2`), a root that picks the kind's schema per YAML document
 * with `if apiVersion/kind then $ref`, and what kubernetes-types lacks:
 * integer fields typed `integer`, and the enums the API declares (`+enum`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

type Schema = { [key: string]: unknown } & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  definitions?: Record<string, Schema>;
  description?: string;
  enum?: unknown[];
};

/**
 * Enumerated string fields (`Type.field`), from the Go API types of Kubernetes
 * 1.32 (`+enum` markers and the validation of free-typed ones such as
 * LabelSelectorRequirement.operator). For list fields the enum applies to items.
 */
const ENUMS: Record<string, readonly string[]> = {
  'Container.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'Container.terminationMessagePolicy': ['File', 'FallbackToLogsOnError'],
  'Container.restartPolicy': ['Always'],
  'EphemeralContainer.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'EphemeralContainer.terminationMessagePolicy': ['File', 'FallbackToLogsOnError'],
  'ContainerPort.protocol': ['TCP', 'UDP', 'SCTP'],
  'ContainerResizePolicy.restartPolicy': ['NotRequired', 'RestartContainer'],
  'PodSpec.restartPolicy': ['Always', 'OnFailure', 'Never'],
  'PodSpec.dnsPolicy': ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  'PodSpec.preemptionPolicy': ['Never', 'PreemptLowerPriority'],
  'PodOS.name': ['linux', 'windows'],
  'PodSecurityContext.fsGroupChangePolicy': ['Always', 'OnRootMismatch'],
  'SecurityContext.procMount': ['Default', 'Unmasked'],
  'SeccompProfile.type': ['Localhost', 'RuntimeDefault', 'Unconfined'],
  'AppArmorProfile.type': ['Localhost', 'RuntimeDefault', 'Unconfined'],
  'HTTPGetAction.scheme': ['HTTP', 'HTTPS'],
  'Toleration.operator': ['Equal', 'Exists'],
  'Toleration.effect': ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
  'Taint.effect': ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
  'NodeSelectorRequirement.operator': ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'],
  'LabelSelectorRequirement.operator': ['DoesNotExist', 'Exists', 'In', 'NotIn'],
  'TopologySpreadConstraint.whenUnsatisfiable': ['DoNotSchedule', 'ScheduleAnyway'],
  'TopologySpreadConstraint.nodeAffinityPolicy': ['Honor', 'Ignore'],
  'TopologySpreadConstraint.nodeTaintsPolicy': ['Honor', 'Ignore'],
  'ServiceSpec.type': ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
  'ServiceSpec.sessionAffinity': ['ClientIP', 'None'],
  'ServiceSpec.externalTrafficPolicy': ['Cluster', 'Local'],
  'ServiceSpec.internalTrafficPolicy': ['Cluster', 'Local'],
  'ServiceSpec.ipFamilyPolicy': ['PreferDualStack', 'RequireDualStack', 'SingleStack'],
  'ServiceSpec.ipFamilies': ['IPv4', 'IPv6'],
  'ServicePort.protocol': ['TCP', 'UDP', 'SCTP'],
  'EndpointPort.protocol': ['TCP', 'UDP', 'SCTP'],
  'PersistentVolumeClaimSpec.accessModes': ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'],
  'PersistentVolumeClaimSpec.volumeMode': ['Block', 'Filesystem'],
  'PersistentVolumeSpec.accessModes': ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'],
  'PersistentVolumeSpec.volumeMode': ['Block', 'Filesystem'],
  'PersistentVolumeSpec.persistentVolumeReclaimPolicy': ['Delete', 'Recycle', 'Retain'],
  'HostPathVolumeSource.type': ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'],
  'LimitRangeItem.type': ['Container', 'Pod', 'PersistentVolumeClaim'],
  'ResourceQuotaSpec.scopes': ['BestEffort', 'CrossNamespacePodAffinity', 'NotBestEffort', 'NotTerminating', 'PriorityClass', 'Terminating'],
  'ScopedResourceSelectorRequirement.operator': ['DoesNotExist', 'Exists', 'In', 'NotIn'],
  'ScopedResourceSelectorRequirement.scopeName': ['BestEffort', 'CrossNamespacePodAffinity', 'NotBestEffort', 'NotTerminating', 'PriorityClass', 'Terminating'],
  'DeploymentStrategy.type': ['Recreate', 'RollingUpdate'],
  'DaemonSetUpdateStrategy.type': ['OnDelete', 'RollingUpdate'],
  'StatefulSetUpdateStrategy.type': ['OnDelete', 'RollingUpdate'],
  'StatefulSetSpec.podManagementPolicy': ['OrderedReady', 'Parallel'],
  'StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': ['Delete', 'Retain'],
  'StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': ['Delete', 'Retain'],
  'CronJobSpec.concurrencyPolicy': ['Allow', 'Forbid', 'Replace'],
  'JobSpec.completionMode': ['Indexed', 'NonIndexed'],
  'JobSpec.podReplacementPolicy': ['Failed', 'TerminatingOrFailed'],
  'PodFailurePolicyRule.action': ['Count', 'FailIndex', 'FailJob', 'Ignore'],
  'PodFailurePolicyOnExitCodesRequirement.operator': ['In', 'NotIn'],
  'HTTPIngressPath.pathType': ['Exact', 'ImplementationSpecific', 'Prefix'],
  'NetworkPolicySpec.policyTypes': ['Egress', 'Ingress'],
  'NetworkPolicyPort.protocol': ['TCP', 'UDP', 'SCTP'],
  'MetricSpec.type': ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'],
  'MetricTarget.type': ['AverageValue', 'Utilization', 'Value'],
  'HPAScalingPolicy.type': ['Percent', 'Pods'],
  'HPAScalingRules.selectPolicy': ['Disabled', 'Max', 'Min'],
  'StorageClass.reclaimPolicy': ['Delete', 'Recycle', 'Retain'],
  'StorageClass.volumeBindingMode': ['Immediate', 'WaitForFirstConsumer'],
};

/**
 * The API reads `null` as "not set": `creationTimestamp: null` and `env:` are
 * fine, so object and list values (and timestamps) may be null. Empty scalars
 * (`image:`) still warn: they are almost always a value not typed yet.
 */
function nullable(def: Schema): Schema {
  const walk = (n: unknown): unknown => {
    if (Array.isArray(n)) return n.map(walk);
    if (!n || typeof n !== 'object') return n;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) {
      if (k === 'type' && (v === 'object' || v === 'array')) out[k] = [v, 'null'];
      else if (k === 'enum' || k === 'const') out[k] = v;
      else out[k] = walk(v);
    }
    return out;
  };
  return walk(def) as Schema;
}

/** Types whose numbers may be fractional (everything else in the API is int32/int64). */
const FRACTIONAL = new Set(['Quantity']);

interface IndexEntry {
  apiVersion: string;
  kind: string;
  file: string;
}

function parseArgs(argv: string[]): { from?: string; out: string } {
  const args: { from?: string; out: string } = { out: 'src/ui/editor/schemas/kubernetes.json' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--from') args.from = argv[++i];
    else if (argv[i] === '--out') args.out = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

function generateFull(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubeplay-schemas-'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', join('scripts', 'gen-schemas.ts'), '--out', join(dir, 'compact.json'), '--full-out', join(dir, 'full')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('gen-schemas.ts failed');
  return join(dir, 'full');
}

const refName = (ref: string) => decodeURIComponent(ref.replace('#/definitions/', ''));
const refTo = (name: string) => `#/definitions/${encodeURIComponent(name)}`;

/** Deep map over a schema, renaming `$ref`s. */
function renameRefs(node: unknown, rename: (name: string) => string): unknown {
  if (Array.isArray(node)) return node.map((n) => renameRefs(n, rename));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === '$ref' && typeof v === 'string' ? refTo(rename(refName(v))) : renameRefs(v, rename);
  return out;
}

/** `number` → `integer`, recursively (not inside fractional types). */
function integers(node: Schema): Schema {
  const walk = (n: unknown): unknown => {
    if (Array.isArray(n)) return n.map(walk);
    if (!n || typeof n !== 'object') return n;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) {
      if (k === 'type' && v === 'number') out[k] = 'integer';
      else if (k === 'type' && Array.isArray(v)) out[k] = v.map((t) => (t === 'number' ? 'integer' : t));
      else out[k] = walk(v);
    }
    return out;
  };
  return walk(node) as Schema;
}

function withEnums(name: string, def: Schema): Schema {
  if (!def.properties) return def;
  const properties: Record<string, Schema> = {};
  for (const [field, sub] of Object.entries(def.properties)) {
    const values = ENUMS[`${name.replace(/~\d+$/, '')}.${field}`];
    if (!values) properties[field] = sub;
    else if (sub.items) properties[field] = { ...sub, items: { ...sub.items, enum: [...values] } };
    else properties[field] = { ...sub, enum: [...values] };
  }
  return { ...def, properties };
}

/** Merges every kind's definitions into one table; returns the table and each kind's root definition name. */
function merge(dir: string, index: IndexEntry[]): { definitions: Record<string, Schema>; roots: Map<IndexEntry, string> } {
  const definitions: Record<string, Schema> = {};
  const byContent = new Map<string, string>();
  const taken = new Map<string, number>();
  const roots = new Map<IndexEntry, string>();
  for (const entry of index) {
    const schema = JSON.parse(readFileSync(join(dir, entry.file), 'utf8')) as Schema;
    const defs = schema.definitions ?? {};
    const rootDef = defs[refName(schema.$ref ?? '')];
    if ((rootDef?.properties?.kind as Schema | undefined)?.const !== entry.kind) {
      // ts-json-schema-generator resolves some names to global types (`Node` is estree's): skip.
      console.warn(`skipped ${entry.apiVersion}/${entry.kind}: its generated schema is not that kind`);
      continue;
    }
    // A type keeps its name unless another file defines a different type under it (then
    // `Name~2`); content is compared as written, so types whose text matches are one entry.
    const local = new Map<string, string>();
    const keyOf = (name: string): string => {
      const known = local.get(name);
      if (known) return known;
      const identity = `${name}|${JSON.stringify(defs[name])}`;
      let key = byContent.get(identity);
      if (!key) {
        const n = (taken.get(name) ?? 0) + 1;
        taken.set(name, n);
        key = n === 1 ? name : `${name}~${n}`;
        byContent.set(identity, key);
      }
      local.set(name, key);
      return key;
    };
    for (const name of Object.keys(defs)) keyOf(name);
    for (const [name, def] of Object.entries(defs)) {
      const key = keyOf(name);
      if (definitions[key]) continue;
      definitions[key] = renameRefs(def, keyOf) as Schema;
    }
    roots.set(entry, keyOf(refName(schema.$ref ?? '')));
  }
  return { definitions, roots };
}

/** The version a kind is best written in: GA first, then beta, then alpha (`v2` before `v1`). */
function preferredVersion(apiVersions: readonly string[]): string {
  const rank = (v: string) => {
    const m = /v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return 0;
    const stability = m[2] === 'alpha' ? 0 : m[2] === 'beta' ? 1 : 2;
    return stability * 1e6 + Number(m[1]) * 1e3 + Number(m[3] ?? 0);
  };
  return [...apiVersions].sort((a, b) => rank(b) - rank(a))[0];
}

/** The root: kind and apiVersion (with completion lists), and per kind an `if … then $ref`. */
function buildRoot(all: IndexEntry[], definitions: Record<string, Schema>, roots: Map<IndexEntry, string>): Schema {
  const index = all.filter((e) => roots.has(e));
  const sample = definitions[roots.get(index[0]) ?? '']?.properties ?? {};
  const kinds = [...new Set(index.map((e) => e.kind))].sort();
  const apiVersions = [...new Set(index.map((e) => e.apiVersion))].sort();
  const versionsOf = new Map<string, string[]>();
  for (const e of index) versionsOf.set(e.kind, [...(versionsOf.get(e.kind) ?? []), e.apiVersion]);
  const defs: Record<string, Schema> = {};
  for (const [name, def] of Object.entries(definitions)) {
    const base = name.replace(/~\d+$/, '');
    const typed = withEnums(name, nullable(FRACTIONAL.has(base) ? def : integers(def)));
    defs[name] = base === 'Time' || base === 'MicroTime' ? { ...typed, type: ['string', 'null'] } : typed;
  }
  return {
    type: ['object', 'null'],
    properties: {
      apiVersion: { type: 'string', description: sample.apiVersion?.description, examples: apiVersions },
      kind: { type: 'string', description: sample.kind?.description, examples: kinds },
    },
    allOf: [
      // A document without a kind yet: one proposal per kind that writes apiVersion, kind and name.
      {
        if: { type: 'object', required: ['kind'] },
        else: {
          defaultSnippets: kinds.map((kind) => {
            const apiVersion = preferredVersion(versionsOf.get(kind) ?? []);
            return { label: kind, description: `${apiVersion} ${kind}`, body: { apiVersion, kind, metadata: { name: '$1' } } };
          }),
        },
      },
      ...index.map((e) => ({
        if: { type: 'object', properties: { apiVersion: { const: e.apiVersion, doNotSuggest: true }, kind: { const: e.kind, doNotSuggest: true } }, required: ['apiVersion', 'kind'] },
        // oxlint-disable-next-line unicorn/no-thenable -- JSON Schema's `then`, never awaited
        then: { $ref: refTo(roots.get(e) ?? '') },
      })),
      ...kinds.map((kind) => ({
        if: { type: 'object', properties: { kind: { const: kind, doNotSuggest: true } }, required: ['kind'] },
        // oxlint-disable-next-line unicorn/no-thenable -- JSON Schema's `then`, never awaited
        then: { properties: { apiVersion: { enum: versionsOf.get(kind) } } },
      })),
    ],
    definitions: defs,
  };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const dir = args.from ?? generateFull();
  const index = (JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as IndexEntry[]).sort((a, b) => `${a.apiVersion}/${a.kind}`.localeCompare(`${b.apiVersion}/${b.kind}`));
  const { definitions, roots } = merge(dir, index);
  const root = buildRoot(index, definitions, roots);
  mkdirSync(dirname(args.out), { recursive: true });
  const text = `${JSON.stringify(root)}\n`;
  writeFileSync(args.out, text);
  console.log(`${roots.size} kinds, ${Object.keys(definitions).length} definitions, ${Math.round(text.length / 1024)} KB → ${args.out}`);
}

main();
