import { deepCopy } from './deepCopy';
import type { CommandContext, CommandResult } from './command';
import { dryRunStrategy, manifestArgs } from './common';
import { err, type KubectlError } from './errors';
import { aggregateResult, LOCAL_SERVER_DRY_RUN, mutationOutputFormat, setTargets, writeAndPrint } from './commands/setObjects';

/**
 * The shared body of `kubectl label` and `kubectl annotate`
 * (`GetResourcesAndPairs`, parse, the `--overwrite` check, and the update).
 */
export type MetadataField = 'labels' | 'annotations';

/** `cmdutil.GetResourcesAndPairs`. */
export function resourcesAndPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } | KubectlError {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) {
      foundPair = true;
      pairs.push(s);
    } else if (!foundPair) resources.push(s);
    else return err.message(`all resources must be specified before ${pairType} changes: ${s}`);
  }
  return { resources, pairs };
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function parsePairs(field: MetadataField, pairs: readonly string[]): { set: Map<string, string>; remove: string[] } | KubectlError {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of pairs) {
    if (spec.includes('=')) {
      if (field === 'labels') {
        const parts = spec.split('=');
        if (parts.length !== 2) return err.message(`invalid label spec: ${spec}`);
        if (parts[1].length > 63 || !LABEL_VALUE.test(parts[1])) {
          const why =
            parts[1].length > 63
              ? 'must be no more than 63 characters'
              : "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
          return err.message(`invalid label value: "${spec}": ${why}`);
        }
        set.set(parts[0], parts[1]);
      } else {
        const i = spec.indexOf('=');
        if (i === 0) return err.message(`invalid annotation format: ${spec}`);
        set.set(spec.slice(0, i), spec.slice(i + 1));
      }
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else return err.message(`unknown ${field === 'labels' ? 'label' : 'annotation'} spec: ${spec}`);
  }
  if (field === 'labels') {
    if (remove.some((k) => set.has(k))) return err.message('can not both modify and remove a label in the same command');
  } else {
    const both = remove.filter((k) => set.has(k));
    if (both.length) return err.message(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  }
  return { set, remove };
}

/** Runs label/annotate over the command's arguments. */
export function runMetadataEdit(ctx: CommandContext, field: MetadataField): CommandResult {
  const what = field === 'labels' ? 'label' : 'annotation';
  const split = resourcesAndPairs(ctx.args, what);
  if ('type' in split) return split;
  const local = ctx.flags.bool('local');
  if (local) {
    // label's Validate words its examples as pod.yaml, annotate's as rsrc.yaml.
    const [yaml, json] = field === 'labels' ? ['pod.yaml', 'pod.json'] : ['rsrc.yaml', 'rsrc.json'];
    if (split.resources.length > 0) return err.message(`can only use local files by -f ${yaml} or --filename=${json} when --local=true is set`);
    if (manifestArgs(ctx).length === 0) return err.message(`one or more files must be specified as -f ${yaml} or --filename=${json}`);
  }
  if (split.resources.length < 1 && manifestArgs(ctx).length === 0) return err.message('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const parsed = parsePairs(field, split.pairs);
  if ('type' in parsed) return parsed;
  const list = field === 'labels' && ctx.flags.bool('list');
  if (parsed.set.size === 0 && parsed.remove.length === 0 && !list) return err.message(`at least one ${what} update is required`);
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  if (local && dry === 'server') return err.message(LOCAL_SERVER_DRY_RUN);
  const printer = mutationOutputFormat(ctx);
  if (!('format' in printer)) return printer;
  // --local: the objects of the files, changed and printed, never sent.
  const resolved = setTargets(ctx, split.resources, { local, selector: true, all: true });
  if ('type' in resolved) return resolved;
  const errors: KubectlError[] = [...resolved.errors];
  const overwrite = ctx.flags.bool('overwrite');
  const rv = ctx.flags.string('resource-version');
  for (const { info, obj } of resolved.targets) {
    if (list) {
      for (const [k, v] of Object.entries(obj.metadata.labels ?? {})) ctx.out(`${k}=${v}\n`);
      continue;
    }
    const current: Record<string, string> = { ...(obj.metadata[field] as Record<string, string> | undefined) };
    if (!overwrite) {
      if (field === 'labels') {
        const clashes = [...parsed.set].filter(([k, v]) => k in current && current[k] !== v).map(([k]) => err.message(`'${k}' already has a value (${current[k]}), and --overwrite is false`));
        if (clashes.length) {
          errors.push(clashes.length === 1 ? clashes[0] : err.aggregate(clashes));
          continue;
        }
      } else {
        const clashes = [...parsed.set].filter(([k, v]) => k !== 'kubernetes.io/change-cause' && k in current && current[k] !== v).map(([k]) => `'${k}' already has a value (${current[k]})`);
        if (clashes.length) {
          errors.push(err.message(`--overwrite is false but found the following declared annotation(s): ${clashes.join('; ')}`));
          continue;
        }
      }
    }
    const before = JSON.stringify(current);
    for (const [k, v] of parsed.set) current[k] = v;
    for (const k of parsed.remove) {
      if (k in current) delete current[k];
      else if (field === 'labels') ctx.errOut(`label "${k}" not found.\n`);
    }
    const after = JSON.stringify(current);
    let message: string;
    if (field === 'annotations') message = 'annotated';
    else message = before === after ? 'not labeled' : !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
    const copy = deepCopy(obj);
    // A local object is a plain map: a label removed last leaves `labels: {}` (a server's typed object drops the empty map).
    (copy.metadata as Record<string, unknown>)[field] = Object.keys(current).length || (local && obj.metadata[field] !== undefined) ? current : undefined;
    if (rv) copy.metadata.resourceVersion = rv;
    const failed = writeAndPrint(ctx, info, obj, copy, { dry, local, format: printer.format, operation: message, unchanged: before === after, failure: (e) => e });
    if (failed) errors.push(failed);
  }
  return aggregateResult(errors);
}
