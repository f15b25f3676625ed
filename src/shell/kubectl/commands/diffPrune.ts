import { storageName, type KubeObject, type ResourceInfo, type Selector } from '../../../sim/k8s/index';
import { klogHead } from '../klog';
import type { CommandContext } from '../command';
import { LAST_APPLIED_ANNOTATION } from '../engineApi';
import { err, type KubectlError } from '../errors';

/**
 * `kubectl diff --prune` (kubectl `pkg/cmd/diff/prune.go` and
 * `pkg/util/prune`): the objects `kubectl apply --prune` would delete — those
 * of the allowlisted kinds, in the namespaces the files touched (the
 * cluster-scoped ones anywhere), made by apply (they carry its
 * last-applied annotation), matching -l, and not in the files.
 */

/** `prune.Resource`: a kind to prune, at a version. */
export interface PruneResource {
  group: string;
  version: string;
  kind: string;
  namespaced: boolean;
}

/** `prune.defaultNamespacedPruneResources` then `defaultNonNamespacedPruneResources`. */
const DEFAULT_PRUNE_RESOURCES: readonly [string, string, string, boolean][] = [
  ['', 'v1', 'ConfigMap', true],
  ['', 'v1', 'Endpoints', true],
  ['', 'v1', 'PersistentVolumeClaim', true],
  ['', 'v1', 'Pod', true],
  ['', 'v1', 'ReplicationController', true],
  ['', 'v1', 'Secret', true],
  ['', 'v1', 'Service', true],
  ['batch', 'v1', 'Job', true],
  ['batch', 'v1', 'CronJob', true],
  ['networking.k8s.io', 'v1', 'Ingress', true],
  ['apps', 'v1', 'DaemonSet', true],
  ['apps', 'v1', 'Deployment', true],
  ['apps', 'v1', 'ReplicaSet', true],
  ['apps', 'v1', 'StatefulSet', true],
  ['', 'v1', 'Namespace', false],
  ['', 'v1', 'PersistentVolume', false],
];

/** `group/version` as Go's `schema.GroupVersion.String()` writes it. */
const groupVersion = (group: string, version: string): string => (group ? `${group}/${version}` : version);

/** `prune.ParseResources`: each `--prune-allowlist` entry as `<group/version/kind>` (`core` for the core group), a kind the server serves. */
export function parsePruneAllowlist(ctx: CommandContext, entries: readonly string[]): PruneResource[] | KubectlError {
  const out: PruneResource[] = [];
  for (const entry of entries) {
    const gvk = entry.split('/');
    if (gvk.length !== 3) return err.message(`invalid GroupVersionKind format: ${entry}, please follow <group/version/kind>`);
    const [group, version, kind] = [gvk[0] === 'core' ? '' : gvk[0], gvk[1], gvk[2]];
    const info = ctx.cluster.resources.forKind(groupVersion(group, version), kind);
    if (!info) return err.message(`no matches for kind "${kind}" in version "${groupVersion(group, version)}"`);
    out.push({ group, version, kind, namespaced: info.namespaced });
  }
  return out;
}

/** What the files' objects tell the pruner: the namespaces they are in and the live objects they name. */
export interface PruneTracker {
  namespaces: Set<string>;
  uids: Set<string>;
}

/** `pruner.pruneAll`: the live objects a prune would delete, with the info of the kind each was listed as. */
export function prunedObjects(ctx: CommandContext, allowlist: readonly PruneResource[], tracker: PruneTracker, selector: Selector | undefined): { info: ResourceInfo; object: KubeObject }[] {
  let resources = allowlist;
  if (resources.length === 0) {
    resources = DEFAULT_PRUNE_RESOURCES.map(([group, version, kind, namespaced]) => ({ group, version, kind, namespaced }));
    // The namespace kubectl works in is never empty (`default` at least), so the default allowlist always warns.
    ctx.errOut(
      `${klogHead('W', ctx.cluster.now())} prune.go:71] Deprecated: kubectl apply will no longer prune non-namespaced resources by default when used with the --namespace flag in a future release. To preserve the current behaviour, list the resources you want to target explicitly in the --prune-allowlist flag.\n`,
    );
  }
  const out: { info: ResourceInfo; object: KubeObject }[] = [];
  const prune = (info: ResourceInfo, version: string, namespace: string | undefined) => {
    for (const object of ctx.client.list(storageName(info), { namespace, labelSelector: selector, version })) {
      if (object.metadata.annotations?.[LAST_APPLIED_ANNOTATION] === undefined) continue;
      if (object.metadata.uid !== undefined && tracker.uids.has(object.metadata.uid)) continue;
      out.push({ info, object });
    }
  };
  const mapped = resources.flatMap((r) => {
    const info = ctx.cluster.resources.forKind(groupVersion(r.group, r.version), r.kind);
    // A default kind the playground does not serve has no objects to prune.
    return info ? [{ r, info }] : [];
  });
  for (const ns of tracker.namespaces) for (const { r, info } of mapped) if (r.namespaced) prune(info, r.version, ns);
  for (const { r, info } of mapped) if (!r.namespaced) prune(info, r.version, undefined);
  return out;
}
