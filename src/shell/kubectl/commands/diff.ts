import { fnv32a } from '../../../lib/fnv';
import { matches, parseSelector, SelectorParseError, storageName, type KubeObject, type ResourceInfo, type Selector } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { fieldManagerFlag, filenameFlags, printContext, readFiles, manifestArgs } from '../common';
import { deepCopy } from '../deepCopy';
import { createApplyPatch, decodeObject, LAST_APPLIED_ANNOTATION, parseManifests } from '../engineApi';
import { addSourceToErr, checkErrText, err, type KubectlError } from '../errors';
import { printObjects } from '../printerApi';
import { examples, longDesc } from '../text';
import { unifiedHunks } from '../unifiedDiff';
import { withLastApplied } from './apply';
import { parsePruneAllowlist, prunedObjects, type PruneResource, type PruneTracker } from './diffPrune';

/**
 * `kubectl diff -f FILE` (kubectl `pkg/cmd/diff/diff.go`): each object's
 * live version and the version a server-side dry-run of the apply returns
 * are written as YAML into kubectl's temporary LIVE-/MERGED- directories,
 * and `diff -u -N` runs over the two. Exit 0 without differences, 1 with,
 * above 1 when kubectl failed. A Secret's values are masked; -l keeps the
 * files' objects it matches; --prune adds, on the LIVE side only, what
 * `apply --prune` would delete (`diffPrune.ts`). The directories' numbers
 * are seeded, so output is reproducible.
 */
export const diffCommand: CommandSpec = {
  path: ['diff'],
  use: 'diff -f FILENAME',
  short: 'Diff the live version against a would-be applied version',
  long: longDesc(`
    Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it would be if applied.

    The output is always YAML.

    KUBECTL_EXTERNAL_DIFF environment variable can be used to select your own diff command. Users can use external commands with params too, example: KUBECTL_EXTERNAL_DIFF="colordiff -N -u"

    By default, the "diff" command available in your path will be run with the "-u" (unified diff) and "-N" (treat absent files as empty) options.

    Exit status: 0 No differences were found. 1 Differences were found. >1 Kubectl or diff failed with an error.

    Note: KUBECTL_EXTERNAL_DIFF, if used, is expected to follow that convention.`),
  example: examples(`
    # Diff resources included in pod.json
    kubectl diff -f pod.json

    # Diff file read from stdin
    cat service.yaml | kubectl diff -f -`),
  flags: [
    // Parsed only: the playground diffs the objects one after another, which any concurrency gives the same result as.
    { name: 'concurrency', type: 'int', default: '1', usage: 'Number of objects to process in parallel when diffing against the live version. Larger number = faster, but more memory, I/O and CPU over that shorter period of time.' },
    fieldManagerFlag('kubectl-client-side-apply'),
    ...filenameFlags('contains the configuration to diff'),
    { name: 'force-conflicts', type: 'bool', usage: 'If true, server-side apply will force the changes against conflicts.' },
    { name: 'prune', type: 'bool', usage: 'Include resources that would be deleted by pruning. Can be used with -l and default shows all resources would be pruned' },
    { name: 'prune-allowlist', type: 'stringArray', default: '[]', usage: 'Overwrite the default allowlist with <group/version/kind> for --prune' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'server-side', type: 'bool', usage: 'If true, apply runs in the server instead of the client.' },
    { name: 'show-managed-fields', type: 'bool', usage: 'If true, include managed fields in the diff.' },
  ],
  run: runDiff,
};

interface Pair {
  file: string;
  live?: KubeObject;
  /** Absent for an object only pruning would touch (the MERGED side has no file). */
  merged?: KubeObject;
}

/** `InfoObject.Name()`: `[group.]version.Kind.namespace.name`. */
function fileName(info: ResourceInfo, obj: KubeObject): string {
  return `${info.group ? `${info.group}.` : ''}${info.version}.${info.kind}.${obj.metadata.namespace ?? ''}.${obj.metadata.name}`;
}

/** GNU diff's `-u` file time: `2025-03-01 09:00:00.000000000 +0000`. */
function fileTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${String(ms % 1000).padStart(3, '0')}000000 +0000`;
}

/** The object as the diff's YAML file holds it (managedFields left out unless asked). */
function yamlLines(ctx: CommandContext, obj: KubeObject | undefined): string[] {
  if (!obj) return [];
  const r = printObjects({ type: 'yaml' }, [obj], { asList: false }, printContext(ctx));
  const text = 'error' in r ? '' : r.text;
  return text.split('\n').slice(0, -1);
}

function dryRunApply(ctx: CommandContext, source: string, value: unknown, tracker: PruneTracker): Pair | KubectlError {
  const decoded = decodeObject(value, ctx.cluster.resources);
  if (!decoded.ok) {
    if (decoded.status) return addSourceToErr('creating', source, err.status(decoded.status));
    return err.message(`unable to decode "${source}": ${decoded.message}`);
  }
  const { info } = decoded;
  const desired: KubeObject = deepCopy(decoded.object);
  if (info.namespaced) desired.metadata.namespace = desired.metadata.namespace || ctx.namespace;
  else delete desired.metadata.namespace;
  const resource = storageName(info);
  const ns = info.namespaced ? desired.metadata.namespace : undefined;
  const live = ctx.client.get(resource, ns, desired.metadata.name, info.version);
  const file = fileName(info, desired);
  // The pruner's tracker: the namespaces the files touch, and the live objects they name.
  if (ns !== undefined) tracker.namespaces.add(ns);
  if (live?.metadata.uid) tracker.uids.add(live.metadata.uid);
  if (!live) {
    const r = ctx.client.create(withLastApplied(desired), { dryRun: true });
    return r.ok ? { file, ...maskSecret(undefined, r.object) } : addSourceToErr('creating', source, err.status(r.status));
  }
  let lastApplied: unknown;
  try {
    lastApplied = JSON.parse(live.metadata.annotations?.[LAST_APPLIED_ANNOTATION] ?? 'null') ?? undefined;
  } catch {
    lastApplied = undefined;
  }
  const { patch, empty } = createApplyPatch(live, lastApplied, desired, info);
  if (empty) return { file, ...maskSecret(live, live) };
  const r = ctx.client.patch(resource, ns, desired.metadata.name, patch, 'strategic', { dryRun: true, version: info.version });
  return r.ok ? { file, ...maskSecret(live, r.object) } : addSourceToErr('patching', source, err.status(r.status));
}

/** `Masker`: a Secret's data values as `***`, `*** (before)` and `*** (after)` where they differ, so a diff shows which changed and not to what. */
function maskSecret(live: KubeObject | undefined, merged: KubeObject): { live?: KubeObject; merged: KubeObject } {
  if (merged.apiVersion !== 'v1' || merged.kind !== 'Secret') return { live, merged };
  const from: Record<string, string> = { ...(live as { data?: Record<string, string> } | undefined)?.data };
  const to: Record<string, string> = { ...(merged as { data?: Record<string, string> }).data };
  for (const k of Object.keys(from)) {
    if (k in to) {
      if (from[k] !== to[k]) {
        [from[k], to[k]] = ['*** (before)', '*** (after)'];
        continue;
      }
      to[k] = '***';
    }
    from[k] = '***';
  }
  for (const k of Object.keys(to)) if (!(k in from)) to[k] = '***';
  const withData = <T extends KubeObject | undefined>(o: T, data: Record<string, string>): T => (o && 'data' in o ? { ...o, data } : o);
  return { live: withData(live, from), merged: withData(merged, to) };
}

/** `resource.Builder.LabelSelectorParam` on files: the selector their objects must match, or the builder's error. */
function fileSelector(ctx: CommandContext): Selector | undefined | KubectlError {
  const text = ctx.flags.string('selector').trim();
  if (!text) return undefined;
  try {
    return parseSelector(text);
  } catch (e) {
    if (!(e instanceof SelectorParseError)) throw e;
    // labels.Parse prefixes the errors of one requirement; those between requirements come bare.
    const between = /expected: (',' or 'end of string'|identifier after ','|!, identifier, or 'end of string')$/.test(e.message);
    return err.message(`the provided selector "${text}" is not valid: ${between ? '' : 'unable to parse requirement: '}${e.message}`);
  }
}

/** Complete: the arguments, the files, the apply mode, the prune allowlist. */
function complete(ctx: CommandContext): { prune?: PruneResource[] } | KubectlError {
  if (ctx.args.length > 0) return err.usage(ctx.commandPath, `Unexpected args: [${ctx.args.join(' ')}]`);
  if (manifestArgs(ctx).length === 0) return err.message('must specify one of -f and -k');
  const serverSide = ctx.flags.bool('server-side');
  if (ctx.flags.bool('force-conflicts') && !serverSide) return err.message('--force-conflicts only works with --server-side');
  if (serverSide) return err.message('not simulated: kubectl diff --server-side (the playground has no server-side apply); use the default, client-side apply');
  const prune = ctx.flags.bool('prune') ? parsePruneAllowlist(ctx, ctx.flags.list('prune-allowlist')) : undefined;
  if (prune && !Array.isArray(prune)) return prune;
  return { prune };
}

function runDiff(ctx: CommandContext): CommandResult {
  // kubectl diff exits 1 when it finds differences, so its errors exit with 2 (cmdutil.CheckDiffErr).
  const fail = (e: KubectlError) => {
    ctx.errOut(checkErrText(e));
    return 2;
  };
  const o = complete(ctx);
  if ('type' in o) return fail(o);
  const files = readFiles(ctx, manifestArgs(ctx), ctx.flags.bool('recursive'));
  if (!Array.isArray(files)) return fail(files);
  const selector = fileSelector(ctx);
  if (selector && !Array.isArray(selector)) return fail(selector);
  const pairs: Pair[] = [];
  const tracker: PruneTracker = { namespaces: new Set(), uids: new Set() };
  for (const file of files) {
    const parsed = parseManifests(file.text);
    if (parsed.error) return fail(err.message(`error parsing ${file.source}: ${parsed.error.message}`));
    for (const doc of parsed.documents) {
      const labels = (doc.value as { metadata?: { labels?: Record<string, string> } } | null)?.metadata?.labels;
      if (selector && !matches(selector, labels && typeof labels === 'object' ? labels : undefined)) continue;
      const pair = dryRunApply(ctx, file.source, doc.value, tracker);
      if ('type' in pair) return fail(pair);
      pairs.push(pair);
    }
  }
  if (o.prune) {
    // Pruned objects go into the LIVE directory only, as they are (unmasked).
    for (const { info, object } of prunedObjects(ctx, o.prune, tracker, selector)) pairs.push({ file: fileName(info, object), live: object });
  }
  // os.MkdirTemp("", "LIVE-") and ("", "MERGED-"): a random number each; seeded here.
  const now = ctx.cluster.now();
  const liveDir = `/tmp/LIVE-${fnv32a(`${ctx.cluster.seed}:LIVE:${now}`)}`;
  const mergedDir = `/tmp/MERGED-${fnv32a(`${ctx.cluster.seed}:MERGED:${now}`)}`;
  const time = fileTime(now);
  let differ = false;
  for (const pair of [...pairs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const hunks = unifiedHunks(yamlLines(ctx, pair.live), yamlLines(ctx, pair.merged));
    if (hunks.length === 0) continue;
    differ = true;
    const a = `${liveDir}/${pair.file}`;
    const b = `${mergedDir}/${pair.file}`;
    // -N: a file missing on one side reads as empty, dated the epoch.
    ctx.out(`diff -u -N ${a} ${b}\n--- ${a}\t${pair.live ? time : fileTime(0)}\n+++ ${b}\t${pair.merged ? time : fileTime(0)}\n${hunks.join('\n')}\n`);
  }
  return differ ? 1 : 0;
}
