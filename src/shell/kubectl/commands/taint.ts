import type { Node, Taint } from 'kubernetes-types/core/v1';
import { isQualifiedName, isValidLabelValue, storageName, type KubeObject, type Selector } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { type DryRun, dryRunFlag, dryRunStrategy, dryRunSuffix, fieldManagerFlag, labelSelector, outputFlag, printContext, printFlagsFormat, selectorFlag, templateFlags, validateFlag } from '../common';
import { checkErrText, err, type KubectlError } from '../errors';
import { isTable, printObjects } from '../printerApi';
import { notFoundError } from '../targets';
import { examples, longDesc } from '../text';

/** `kubectl taint` (kubectl `pkg/cmd/taint/{taint,utils}.go`). */
export const taintCommand: CommandSpec = {
  path: ['taint'],
  use: 'taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
  short: 'Update the taints on one or more nodes',
  long: longDesc(`
    Update the taints on one or more nodes.

    * A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.
    * The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.
    * Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
    * The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.
    * The effect must be NoSchedule, PreferNoSchedule or NoExecute.
    * Currently taint can only apply to node.`),
  example: examples(`
    # Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'
    # If a taint with that key and effect already exists, its value is replaced as specified
    kubectl taint nodes foo dedicated=special-user:NoSchedule

    # Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists
    kubectl taint nodes foo dedicated:NoSchedule-

    # Remove from node 'foo' all the taints with key 'dedicated'
    kubectl taint nodes foo dedicated-

    # Add a taint with key 'dedicated' on nodes having label myLabel=X
    kubectl taint node -l myLabel=X  dedicated=foo:PreferNoSchedule

    # Add to node 'foo' a taint with key 'bar' and no value
    kubectl taint nodes foo bar:NoSchedule`),
  completion: 'resource',
  flags: [
    { name: 'all', type: 'bool', usage: 'Select all nodes in the cluster' },
    dryRunFlag,
    fieldManagerFlag('kubectl-taint'),
    outputFlag('json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file'),
    { name: 'overwrite', type: 'bool', usage: 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.' },
    selectorFlag,
    ...templateFlags,
    // Parsed only, as kubectl taint does: it patches the node without reading the directive.
    validateFlag,
  ],
  run: runTaint,
};

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** `Taint.ToString()`. */
export function taintString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** `parseTaint`: `key=value:effect`, `key:effect` or `key`. */
function parseTaint(spec: string): Taint | string {
  const parts = spec.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) key = parts[0];
  else if (parts.length === 2) {
    effect = parts[1];
    if (!EFFECTS.includes(effect)) return `invalid taint effect: ${effect}, unsupported taint effect`;
    const kv = parts[0].split('=');
    if (kv.length > 2) return `invalid taint spec: ${spec}`;
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = isValidLabelValue(value);
      if (errs.length) return `invalid taint spec: ${spec}, ${errs.join('; ')}`;
    }
  } else return `invalid taint spec: ${spec}`;
  const errs = isQualifiedName(key);
  if (errs.length) return `invalid taint spec: ${spec}, ${errs.join('; ')}`;
  const t: Taint = { key, effect };
  if (value) t.value = value;
  return t;
}

/** `parseTaints`: the taints to add (each needs an effect, unique by key and effect) and to remove (`…-`). */
function parseTaints(specs: readonly string[]): { add: Taint[]; remove: Taint[] } | string {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      if (typeof t === 'string') return t;
      remove.push({ key: t.key, effect: t.effect });
      continue;
    }
    const t = parseTaint(spec);
    if (typeof t === 'string') return t;
    if (!t.effect) return `invalid taint spec: ${spec}`;
    if (add.some((a) => a.key === t.key && a.effect === t.effect)) return `duplicated taints with the same key and effect: {${t.key} ${t.value ?? ''} ${t.effect} <nil>}`;
    add.push(t);
  }
  return { add, remove };
}

/** `reorganizeTaints`: new taints first, then the old ones not replaced, minus the removed ones; with the operation word. */
function reorganizeTaints(old: readonly Taint[], overwrite: boolean, add: readonly Taint[], remove: readonly Taint[]): { operation: string; taints: Taint[]; errors: string[] } {
  let taints = [...add];
  for (const o of old) if (!taints.some((t) => t.key === o.key && t.effect === o.effect)) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
    deleted = taints.length !== before;
    if (!deleted) errors.push(`taint "${taintString(r)}" not found`);
  }
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, errors };
}

function runTaint(ctx: CommandContext): CommandResult {
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const resources: string[] = [];
  const taintArgs: string[] = [];
  for (const a of ctx.args) {
    const isTaint = a.includes('=') || a.includes(':') || a.endsWith('-');
    if (isTaint) taintArgs.push(a);
    else if (taintArgs.length) return err.message(`all resources must be specified before taint changes: ${a}`);
    else resources.push(a);
  }
  if (resources.length < 1) return err.message('one or more resources must be specified as <resource> <name>');
  if (taintArgs.length < 1) return err.message('at least one taint update is required');
  const parsed = parseTaints(taintArgs);
  if (typeof parsed === 'string') return err.usage(ctx.commandPath, `error: ${parsed}`);
  const info = ctx.cluster.resources.resolve(resources[0]);
  if (!info) return err.message(`the server doesn't have a resource type "${resources[0].toLowerCase()}"`);
  if (info.kind !== 'Node') return err.message(`invalid resource type ${resources[0].toLowerCase()}, only node types are supported`);
  const conflicts = parsed.add.flatMap((a) => parsed.remove.filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect)).map((r) => `{"${r.key}":"${r.effect ?? ''}"}`));
  if (conflicts.length) return err.message(`can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
  const all = ctx.flags.bool('all');
  const selectorText = ctx.flags.string('selector');
  if (all && selectorText) return err.message("setting 'all' parameter with a non empty selector is prohibited");
  if (!all && !selectorText && resources.length < 2) return err.message("at least one resource name must be specified since 'all' parameter is not set");

  const errors: KubectlError[] = [];
  let nodes: KubeObject[];
  if (all || selectorText) {
    const sel = labelSelector(ctx);
    if (sel && 'type' in sel) return sel;
    nodes = ctx.client.list(storageName(info), { labelSelector: sel as Selector | undefined });
  } else {
    nodes = [];
    for (const name of resources.slice(1)) {
      const n = ctx.client.get(storageName(info), undefined, name);
      if (n) nodes.push(n);
      else errors.push(notFoundError(info, name));
    }
  }
  for (const node of nodes) {
    const e = taintNode(ctx, node as KubeObject & Node, parsed.add, parsed.remove, dry);
    if (e) errors.push(e);
  }
  if (errors.length === 0) return 0;
  for (const e of errors.slice(0, -1)) ctx.errOut(checkErrText(e));
  return errors[errors.length - 1];
}

/** `updateTaints` + the patch of one node; prints `node/NAME tainted|untainted|modified`, or with `-o` the node patched. */
function taintNode(ctx: CommandContext, node: KubeObject & Node, add: Taint[], remove: Taint[], dry: DryRun): KubectlError | undefined {
  const old = node.spec?.taints ?? [];
  if (!ctx.flags.bool('overwrite')) {
    const exists = add.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
    if (exists.length) return err.message(`node ${node.metadata.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
  }
  const { operation, taints, errors } = reorganizeTaints(old, ctx.flags.bool('overwrite'), add, remove);
  if (errors.length) return err.aggregate(errors.map((m) => err.message(m)));
  const format = printFlagsFormat(ctx);
  if ('error' in format) return err.message(format.error);
  const spec = { ...node.spec };
  if (taints.length) spec.taints = taints;
  else delete spec.taints;
  let patched = { ...node, spec } as KubeObject;
  if (dry !== 'client') {
    const r = ctx.client.update(patched, { dryRun: dry === 'server' });
    if (!r.ok) return err.status(r.status);
    ctx.cluster.runUntilIdle();
    patched = r.object;
  }
  if (isTable(format)) {
    ctx.out(`node/${node.metadata.name} ${operation}${dryRunSuffix(dry)}\n`);
    return undefined;
  }
  const printed = printObjects(format, [patched], { asList: false }, printContext(ctx));
  if ('error' in printed) return err.message(printed.error);
  ctx.out(printed.text);
  return undefined;
}
