import { decodeBase64 } from '../../../lib/base64';
import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, dryRunStrategy, fieldManagerFlag, filenameFlags, templateFlags, manifestArgs } from '../common';
import { err, type KubectlError } from '../errors';
import { deepCopy } from '../deepCopy';
import { podSpecOf, type ContainerLike } from '../podSpec';
import { resolveTargets } from '../targets';
import { setTargets, LOCAL_SERVER_DRY_RUN } from './setObjects';
import { examples, longDesc } from '../text';
import { selectContainers, updatePodSpecs } from './podSpecUpdate';

/** `kubectl set env` (kubectl `pkg/cmd/set/set_env.go`, `set/env/env_parse.go`). */
export const setEnvCommand: CommandSpec = {
  path: ['set', 'env'],
  use: 'env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N',
  short: 'Update environment variables on a pod template',
  long: longDesc(`
    Update environment variables on a pod template.

    List environment variable definitions in one or more pods, pod templates.
    Add, update, or remove container environment variable definitions in one or
    more pod templates (within replication controllers or deployment configurations).
    View or modify the environment variable definitions on all containers in the
    specified pods or pod templates, or just those that match a wildcard.

    If "--env -" is passed, environment variables can be read from STDIN using the standard env
    syntax.

    Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`),
  example: examples(`
    # Update deployment 'registry' with a new environment variable
    kubectl set env deployment/registry STORAGE_DIR=/local

    # List the environment variables defined on a deployments 'sample-build'
    kubectl set env deployment/sample-build --list

    # List the environment variables defined on all pods
    kubectl set env pods --all --list

    # Output modified deployment in YAML, and does not alter the object on the server
    kubectl set env deployment/sample-build STORAGE_DIR=/data -o yaml

    # Update all containers in all replication controllers in the project to have ENV=prod
    kubectl set env rc --all ENV=prod

    # Import environment from a secret
    kubectl set env --from=secret/mysecret deployment/myapp

    # Import environment from a config map with a prefix
    kubectl set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp

    # Import specific keys from a config map
    kubectl set env --keys=my-example-key --from=configmap/myconfigmap deployment/myapp

    # Remove the environment variable ENV from container 'c1' in all deployment configs
    kubectl set env deployments --all --containers="c1" ENV-

    # Remove the environment variable ENV from a deployment definition on disk and
    # update the deployment config on the server
    kubectl set env -f deploy.json ENV-

    # Set some of the local shell environment into a deployment config on the server
    env | grep RAILS_ | kubectl set env -e - deployment/registry`),
  completion: 'resource',
  flags: [
    { name: 'all', type: 'bool', usage: 'If true, select all resources in the namespace of the specified resource types' },
    { name: 'containers', shorthand: 'c', type: 'string', default: '*', usage: 'The names of containers in the selected pod templates to change - may use wildcards' },
    dryRunFlag,
    { name: 'env', shorthand: 'e', type: 'stringArray', default: '[]', usage: 'Specify a key-value pair for an environment variable to set into each container.' },
    fieldManagerFlag('kubectl-set'),
    ...filenameFlags('the resource to update the env'),
    { name: 'from', type: 'string', usage: 'The name of a resource from which to inject environment variables' },
    { name: 'keys', type: 'stringSlice', default: '[]', usage: 'Comma-separated list of keys to import from specified resource' },
    { name: 'list', type: 'bool', usage: 'If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env.' },
    { name: 'local', type: 'bool', usage: 'If true, set env will NOT contact api-server but run locally.' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'overwrite', type: 'bool', default: 'true', usage: 'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.' },
    { name: 'prefix', type: 'string', usage: 'Prefix to append to variable names' },
    { name: 'resolve', type: 'bool', usage: 'If true, show secret or configmap references when listing variables' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    ...templateFlags,
  ],
  run: runSetEnv,
};

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name?: string; key: string };
    secretKeyRef?: { name?: string; key: string };
    fieldRef?: { fieldPath: string };
    resourceFieldRef?: { containerName?: string; resource: string };
  };
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_MSG = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/** `envutil.SplitEnvironmentFromResources`: resources first, then `KEY=VAL` / `KEY-`. */
function splitEnvironmentFromResources(args: readonly string[]): { resources: string[]; envArgs: string[] } | undefined {
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const s of args) {
    const isEnv = /^(.+)=(.*)$/s.test(s) || s.endsWith('-');
    if (isEnv) envArgs.push(s);
    else if (envArgs.length === 0) resources.push(s);
    else return undefined;
  }
  return { resources, envArgs };
}

/** `envutil.ParseEnv`. */
function parseEnv(specs: readonly string[]): { env: EnvVar[]; remove: string[] } | KubectlError {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec === '-') return err.message('not simulated: there is no standard input in the playground; pass KEY=VALUE arguments instead');
    const eq = spec.indexOf('=');
    if (eq >= 0) {
      const name = spec.slice(0, eq);
      if (!ENV_NAME.test(name)) return err.message(`"${name}" is not a valid key name: ${ENV_NAME_MSG}`);
      env.push({ name, value: spec.slice(eq + 1) });
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else return err.message(`unknown environment variable: ${spec}`);
  }
  if (remove.some((r) => env.some((e) => e.name === r))) return err.message('can not both modify and remove an environment variable in the same command');
  return { env, remove };
}

/** `updateEnv`: existing order kept, replaced in place, removals dropped, new ones appended. */
export function updateEnv(existing: readonly EnvVar[], env: readonly EnvVar[], remove: readonly string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
      continue;
    }
    out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** `envutil.GetEnvVarRefString`. */
function refString(from: NonNullable<EnvVar['valueFrom']>): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name ?? ''}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name ?? ''}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) return `resource field ${from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : ''}${from.resourceFieldRef.resource}`;
  return 'invalid valueFrom';
}

/** `--from=configmap/NAME|secret/NAME`: one variable per key (`keyToEnvName`), filtered by `--keys`. */
function envFrom(ctx: CommandContext): EnvVar[] | KubectlError {
  const from = ctx.flags.string('from');
  if (!from) return [];
  const resolved = resolveTargets(ctx, [from]);
  if ('type' in resolved) return resolved;
  if (resolved.errors.length) return resolved.errors[0];
  const keys = ctx.flags.list('keys');
  const out: EnvVar[] = [];
  for (const { obj } of resolved.targets) {
    const kind = obj.kind;
    if (kind !== 'ConfigMap' && kind !== 'Secret') return err.message('unsupported resource specified in --from');
    // Go ranges over the data map in random order; sorted here so runs repeat.
    for (const key of Object.keys((obj as KubeObject & { data?: Record<string, string> }).data ?? {}).sort()) {
      if (keys.length && !keys.includes(key)) continue;
      const ref = { name: obj.metadata.name, key };
      out.push({ name: key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase(), valueFrom: kind === 'Secret' ? { secretKeyRef: ref } : { configMapKeyRef: ref } });
    }
  }
  return out;
}

/** `envutil.GetEnvVarRefValue` for `--resolve`: the referenced value, or why it cannot be read. */
function refValue(ctx: CommandContext, obj: KubeObject, from: NonNullable<EnvVar['valueFrom']>): { value: string } | { error: string } {
  const ns = obj.metadata.namespace;
  const sel = from.configMapKeyRef ?? from.secretKeyRef;
  if (sel) {
    const secret = !from.configMapKeyRef;
    const source = ctx.client.get(secret ? 'secrets' : 'configmaps', ns, sel.name ?? '') as (KubeObject & { data?: Record<string, string> }) | undefined;
    if (!source) return { error: `${secret ? 'secrets' : 'configmaps'} "${sel.name ?? ''}" not found` };
    const raw = source.data?.[sel.key];
    if (raw === undefined) return { error: `key ${sel.key} not found in ${secret ? 'secret' : 'config map'} ${sel.name ?? ''}` };
    return { value: secret ? (decodeBase64(raw) ?? raw) : raw };
  }
  if (from.fieldRef) {
    const path = from.fieldRef.fieldPath;
    if (path === 'metadata.name') return { value: obj.metadata.name };
    if (path === 'metadata.namespace') return { value: ns ?? '' };
    return { error: `unsupported fieldPath: ${path}` };
  }
  return { error: 'invalid valueFrom' };
}

/** `--list`: the container's variables after the changes; `--resolve` reads referenced values. */
function listEnv(ctx: CommandContext, obj: KubeObject, container: string, env: readonly EnvVar[]): void {
  ctx.out(`# ${obj.kind} ${obj.metadata.name}, container ${container}\n`);
  const failures = new Map<string, string[]>();
  for (const e of env) {
    if (!e.valueFrom) {
      ctx.out(`${e.name}=${e.value ?? ''}\n`);
      continue;
    }
    const resolved = ctx.flags.bool('resolve') ? refValue(ctx, obj, e.valueFrom) : undefined;
    if (resolved && 'value' in resolved) {
      ctx.out(`${e.name}=${resolved.value}\n`);
      continue;
    }
    ctx.out(`# ${e.name} from ${refString(e.valueFrom)}\n`);
    if (resolved) failures.set(resolved.error, [...(failures.get(resolved.error) ?? []), e.name]);
  }
  const lines = [...failures].map(([error, names]) => `error retrieving reference for ${names.sort().join(', ')}: ${error}`).sort();
  for (const line of lines) ctx.errOut(`${line}\n`);
}

function runSetEnv(ctx: CommandContext): CommandResult {
  if (ctx.flags.bool('all') && ctx.flags.string('selector')) return err.message('cannot set --all and --selector at the same time');
  const split = splitEnvironmentFromResources(ctx.args);
  if (!split) return err.message(`all resources must be specified before environment changes: ${ctx.args.join(' ')}`);
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const local = ctx.flags.bool('local');
  if (local && dry === 'server') return err.message(LOCAL_SERVER_DRY_RUN);
  // --local reads --from through the same local builder, which has no ConfigMap or Secret to offer.
  if (local && ctx.flags.string('from')) return err.message('unsupported resource specified in --from');
  if (manifestArgs(ctx).length === 0 && split.resources.length < 1) return err.message('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const list = ctx.flags.bool('list');
  if (list && ctx.flags.string('output')) return err.message('--list and --output may not be specified together');
  if (ctx.flags.list('keys').length > 0 && !ctx.flags.string('from')) return err.message('when specifying --keys, a configmap or secret must be provided with --from');
  const parsed = parseEnv([...ctx.flags.list('env'), ...split.envArgs]);
  if ('type' in parsed) return parsed;
  const from = envFrom(ctx);
  if (!Array.isArray(from)) return from;
  const env = [...parsed.env, ...from];
  const prefix = ctx.flags.string('prefix');
  if (prefix) for (const e of env) e.name = `${prefix}${e.name}`;
  const resolved = setTargets(ctx, split.resources, { local, selector: true, all: true });
  if ('type' in resolved) return resolved;
  const selector = ctx.flags.string('containers');
  const overwrite = ctx.flags.bool('overwrite');
  const errors: KubectlError[] = [...resolved.errors];
  const mutate = (spec: { containers?: ContainerLike[]; initContainers?: ContainerLike[] }, obj: KubeObject): string | undefined => {
    const containers = [...selectContainers(spec.containers, selector), ...selectContainers(spec.initContainers, selector)];
    if (containers.length === 0) {
      ctx.errOut(`warning: ${obj.kind}/${obj.metadata.name} does not have any containers matching "${selector}"\n`);
      return undefined;
    }
    for (const c of containers) {
      const existing = (c.env as EnvVar[] | undefined) ?? [];
      if (!overwrite) {
        for (const e of env) {
          const current = existing.find((x) => x.name === e.name);
          if (current && current.value !== e.value) return `'${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`;
        }
      }
      const next = updateEnv(existing, env, parsed.remove);
      if (next.length) c.env = next;
      else delete c.env;
      if (list) listEnv(ctx, obj, c.name, next);
    }
    return undefined;
  };
  if (list) {
    // Lists the environment as it would be after the changes, and writes nothing.
    for (const t of resolved.targets) {
      const spec = podSpecOf(deepCopy(t.obj));
      if (spec) mutate(spec, t.obj);
    }
    return errors.length === 0 ? 0 : errors.length === 1 ? errors[0] : err.aggregate(errors);
  }
  errors.push(...updatePodSpecs(ctx, resolved.targets, { operation: 'env updated', failure: 'failed to patch env update to pod template:', dry, local, mutate: (spec, t) => mutate(spec, t.obj) }));
  if (errors.length === 1) return errors[0];
  if (errors.length > 1) return err.aggregate(errors);
  return 0;
}
