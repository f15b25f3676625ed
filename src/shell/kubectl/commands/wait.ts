import { goQuote, storageName, type KubeObject, type ResourceInfo } from '../../../sim/k8s/index';
import { WaitingExecution } from '../../execution';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { filenameFlags, objectRef, outputFormat, printContext, templateFlags } from '../common';
import { isTable, printObjects } from '../printerApi';
import { checkErrText, err, type KubectlError } from '../errors';
import { findResults } from '../printers/format/jsonpath/evaluateJsonPath';
import { parseJsonPath } from '../printers/format/jsonpath/parseJsonPath';
import { relaxedJsonPath } from '../printers/sort/sortObjects';
import { parseResourceArgs } from '../resourceArgs';
import { resolveTargets } from '../targets';
import { examples, longDesc } from '../text';

/** `kubectl wait` (kubectl `pkg/cmd/wait/wait.go`, `condition.go`, `delete.go`, `json.go`). */
export const waitCommand: CommandSpec = {
  path: ['wait'],
  use: "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]",
  short: 'Experimental: Wait for a specific condition on one or many resources',
  long: longDesc(`
    Experimental: Wait for a specific condition on one or many resources.

    The command takes multiple resources and waits until the specified condition
    is seen in the Status field of every given resource.

    Alternatively, the command can wait for the given set of resources to be created or
    deleted by providing the "create" or "delete" keyword as the value to the --for flag.

    A successful message will be printed to stdout indicating when the specified
    condition has been met. You can use -o option to change to output destination.`),
  example: examples(`
    # Wait for the pod "busybox1" to contain the status condition of type "Ready"
    kubectl wait --for=condition=Ready pod/busybox1

    # The default value of status condition is true; you can wait for other targets after an equal delimiter (compared after Unicode simple case folding, which is a more general form of case-insensitivity)
    kubectl wait --for=condition=Ready=false pod/busybox1

    # Wait for the pod "busybox1" to contain the status phase to be "Running"
    kubectl wait --for=jsonpath='{.status.phase}'=Running pod/busybox1

    # Wait for pod "busybox1" to be Ready
    kubectl wait --for='jsonpath={.status.conditions[?(@.type=="Ready")].status}=True' pod/busybox1

    # Wait for the service "loadbalancer" to have ingress
    kubectl wait --for=jsonpath='{.status.loadBalancer.ingress}' service/loadbalancer

    # Wait for the secret "busybox1" to be created, with a timeout of 30s
    kubectl create secret generic busybox1
    kubectl wait --for=create secret/busybox1 --timeout=30s

    # Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command
    kubectl delete pod/busybox1
    kubectl wait --for=delete pod/busybox1 --timeout=60s`),
  suggestFor: ['list', 'ps'],
  completion: 'resource',
  flags: [
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types' },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    // cli-runtime's ResourceBuilderFlags as wait sets them up: no -k, and -R on by default.
    { ...filenameFlags('')[0], usage: 'identifying the resource.' },
    { ...filenameFlags('')[2], default: 'true' },
    { name: 'for', type: 'string', usage: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity." },
    { name: 'local', type: 'bool', usage: 'If true, annotation will NOT contact api-server but run locally.' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)" },
    { name: 'timeout', type: 'duration', default: '30s', usage: "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week." },
    ...templateFlags,
  ],
  run: runWait,
};

const WEEK_MS = 168 * 3600_000;

/** A condition check: met, not yet, or an error that ends the wait. */
type Check = (obj: KubeObject) => boolean | KubectlError;

type Condition = { type: 'delete' } | { type: 'create' } | { type: 'check'; check: Check };

/** `conditionFuncFor`. */
export function conditionFor(spec: string): Condition | KubectlError {
  if (spec.toLowerCase() === 'delete') return { type: 'delete' };
  if (spec.toLowerCase() === 'create') return { type: 'create' };
  if (spec.startsWith('condition=')) {
    let name = spec.slice('condition='.length);
    let value = 'true';
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    return { type: 'check', check: (obj) => conditionMet(obj, name, value) };
  }
  if (spec.startsWith('jsonpath=')) return jsonPathCondition(spec.slice('jsonpath='.length));
  return err.message(`unrecognized condition: ${goQuote(spec)}`);
}

const fold = (s: string) => s.toLowerCase();

/** `ConditionalWait.checkCondition`: a condition of that type with that status, not older than the object's generation. */
function conditionMet(obj: KubeObject, name: string, value: string): boolean {
  const status = obj.status as { conditions?: { type?: string; status?: string; observedGeneration?: number }[]; observedGeneration?: number } | undefined;
  for (const c of status?.conditions ?? []) {
    if (typeof c.type !== 'string' || fold(c.type) !== fold(name) || typeof c.status !== 'string') continue;
    const generation = obj.metadata.generation;
    const observed = c.observedGeneration ?? status?.observedGeneration;
    if (generation !== undefined && observed !== undefined && observed < generation) return false;
    return fold(c.status) === fold(value);
  }
  return false;
}

/** `splitJSONPathInput`: splits on single `=`, keeping `==`. */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        cur += '==';
        i++;
        continue;
      }
      out.push(cur);
      cur = '';
      continue;
    }
    cur += input[i];
  }
  out.push(cur);
  return out;
}

function jsonPathCondition(input: string): Condition | KubectlError {
  const parts = splitJsonPathInput(input);
  if (parts.length < 1 || parts.length > 2) return err.message("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
  const relaxed = relaxedJsonPath(parts[0]);
  if (typeof relaxed !== 'string') return err.message(relaxed.error);
  let expected = '';
  if (parts.length === 2) {
    expected = parts[1].replace(/^['"]+|['"]+$/g, '');
    if (expected === '') return err.message("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
  }
  if (relaxed === '') return err.message('jsonpath expression cannot be empty');
  let parsed: ReturnType<typeof parseJsonPath>;
  try {
    parsed = parseJsonPath(relaxed);
  } catch (e) {
    return err.message(e instanceof Error ? e.message : String(e));
  }
  const check: Check = (obj) => {
    let results: unknown[][];
    try {
      results = findResults(parsed, JSON.parse(JSON.stringify(obj)) as unknown, { allowMissingKeys: true });
    } catch (e) {
      return err.message(e instanceof Error ? e.message : String(e));
    }
    if (results.length === 0 || results[0].length === 0) return false;
    if (results.length > 1) return err.message('given jsonpath expression matches more than one list');
    if (results[0].length > 1) return err.message('given jsonpath expression matches more than one value');
    if (expected === '') return true;
    const v = results[0][0];
    if (v !== null && typeof v === 'object') return err.message('jsonpath leads to a nested object or list which is not supported');
    return String(v ?? '<nil>').trim() === expected.trim();
  };
  return { type: 'check', check };
}

/** One object to wait on, in the order the resource builder visits them. */
interface WaitTarget {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
  uid?: string;
  /** The object when the command started (printed by `-o` after a deletion). */
  obj?: KubeObject;
}

function waitTargets(ctx: CommandContext, condition: Condition): WaitTarget[] | KubectlError {
  if (condition.type === 'create' && ctx.flags.list('filename').length === 0) {
    // The objects need not exist yet: only names count.
    const sel = parseResourceArgs(ctx.cluster.resources, ctx.args);
    if (!('type' in sel) || sel.type !== 'names') return (sel as KubectlError).type ? (sel as KubectlError) : err.message('resource name must be provided');
    return sel.items.map(({ info, name }) => ({ info, namespace: info.namespaced ? ctx.namespace : undefined, name }));
  }
  const resolved = resolveTargets(ctx, ctx.args, { selector: true, all: true });
  if ('type' in resolved) return resolved;
  // For `delete` a missing object is already what was asked for (`IgnoreErrors(IsNotFound)`).
  const errors = condition.type === 'delete' ? resolved.errors.filter((e) => !(e.type === 'status' && e.status.reason === 'NotFound')) : resolved.errors;
  if (errors.length > 0) return errors[0];
  if (resolved.targets.length === 0 && condition.type !== 'delete') return err.message('no matching resources found');
  return resolved.targets.map(({ info, obj }) => ({ info, namespace: obj.metadata.namespace, name: obj.metadata.name, uid: obj.metadata.uid, obj }));
}

function runWait(ctx: CommandContext): CommandResult {
  const condition = conditionFor(ctx.flags.string('for'));
  if ('type' in condition && !['delete', 'create', 'check'].includes(condition.type)) return condition as KubectlError;
  const cond = condition as Condition;
  const format = outputFormat(ctx);
  if ('error' in format) return err.message(format.error);
  const targets = waitTargets(ctx, cond);
  if (!Array.isArray(targets)) return targets;
  let timeout = ctx.flags.duration('timeout');
  if (timeout < 0) timeout = WEEK_MS;
  const deadline = ctx.cluster.now() + timeout;
  let index = 0;

  /** Checks the current target and those after it; returns an exit status when the command is over. */
  const step = (final: boolean): number | undefined => {
    while (index < targets.length) {
      const t = targets[index];
      const live = ctx.client.get(storageName(t.info), t.namespace, t.name);
      const met = isMet(cond, t, live);
      if (met === true) {
        const shown = live ?? t.obj;
        if (!isTable(format) && shown) {
          // `-o` prints the object as last seen (for `delete`, as it was before it went).
          const printed = printObjects(format, [shown], { asList: false }, printContext(ctx));
          if ('error' in printed) return fail(err.message(printed.error));
          ctx.out(printed.text);
        } else ctx.out(`${objectRef(t.info, t.name)} condition met\n`);
        index++;
        continue;
      }
      if (met !== false) return fail(met);
      if (timeout === 0) return fail(err.message(`condition not met for ${t.info.resource}/${t.name}`));
      if (!final) return undefined;
      return fail(err.message(`timed out waiting for the condition on ${t.info.resource}/${t.name}`));
    }
    return 0;
  };
  const fail = (e: KubectlError): number => {
    ctx.errOut(checkErrText(e));
    return 1;
  };
  const first = step(false);
  if (first !== undefined) return first;
  const exec = new WaitingExecution({ deadline, check: () => step(ctx.cluster.now() >= deadline) });
  exec.poll();
  return exec;
}

/** Whether `live` (undefined when gone) meets the condition for target `t`. */
function isMet(cond: Condition, t: WaitTarget, live: KubeObject | undefined): boolean | KubectlError {
  if (cond.type === 'delete') return !live || (t.uid !== undefined && live.metadata.uid !== t.uid);
  if (cond.type === 'create') return live !== undefined;
  if (!live) return err.status({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: `${t.info.group ? `${t.info.resource}.${t.info.group}` : t.info.resource} "${t.name}" not found` });
  return cond.check(live);
}

