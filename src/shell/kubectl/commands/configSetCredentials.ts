import { encodeBase64 } from '../../../lib/encodeBase64';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { err, type KubectlError } from '../errors';
import { KUBECONFIG_PATH, type AuthProviderEntry, type ExecEntry, type UserEntry } from '../kubeconfig';
import { examples, longDesc } from '../text';
import { config } from './configEntries';

/**
 * `kubectl config set-credentials NAME` (kubectl `pkg/cmd/config/create_authinfo.go`):
 * merges the flags given into the user entry — certificate and key paths (or
 * their data with --embed-certs), a token or basic auth (setting one clears
 * the other), an auth provider and its config, an exec credential plugin.
 * The playground's API server authenticates every user of the kubeconfig
 * as kind's admin, so the entry is written and shown (`kubectl config view`)
 * but its credentials are not presented to anyone.
 */
export const configSetCredentialsCommand: CommandSpec = {
  path: ['config', 'set-credentials'],
  use: 'set-credentials NAME [--client-certificate=path/to/certfile] [--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] [--password=basic_password] [--auth-provider=provider_name] [--auth-provider-arg=key=value] [--exec-command=exec_command] [--exec-api-version=exec_api_version] [--exec-arg=arg] [--exec-env=key=value]',
  short: 'Set a user entry in kubeconfig',
  long: longDesc(`
    Set a user entry in kubeconfig.

    Specifying a name that already exists will merge new fields on top of existing values.

        Client-certificate flags:
        --client-certificate=certfile --client-key=keyfile

        Bearer token flags:
        --token=bearer_token

        Basic auth flags:
        --username=basic_user --password=basic_password

    Bearer token and basic auth are mutually exclusive.`),
  example: examples(`
    # Set only the "client-key" field on the "cluster-admin"
    # entry, without touching other values
    kubectl config set-credentials cluster-admin --client-key=~/.kube/admin.key

    # Set basic auth for the "cluster-admin" entry
    kubectl config set-credentials cluster-admin --username=admin --password=uXFGweU9l35qcif

    # Embed client certificate data in the "cluster-admin" entry
    kubectl config set-credentials cluster-admin --client-certificate=~/.kube/admin.crt --embed-certs=true

    # Enable the Google Compute Platform auth provider for the "cluster-admin" entry
    kubectl config set-credentials cluster-admin --auth-provider=gcp

    # Enable the OpenID Connect auth provider for the "cluster-admin" entry with additional arguments
    kubectl config set-credentials cluster-admin --auth-provider=oidc --auth-provider-arg=client-id=foo --auth-provider-arg=client-secret=bar

    # Remove the "client-secret" config value for the OpenID Connect auth provider for the "cluster-admin" entry
    kubectl config set-credentials cluster-admin --auth-provider=oidc --auth-provider-arg=client-secret-

    # Enable new exec auth plugin for the "cluster-admin" entry
    kubectl config set-credentials cluster-admin --exec-command=/path/to/the/executable --exec-api-version=client.authentication.k8s.io/v1beta1

    # Enable new exec auth plugin for the "cluster-admin" entry with interactive mode
    kubectl config set-credentials cluster-admin --exec-command=/path/to/the/executable --exec-api-version=client.authentication.k8s.io/v1beta1 --exec-interactive-mode=Never

    # Define new exec auth plugin arguments for the "cluster-admin" entry
    kubectl config set-credentials cluster-admin --exec-arg=arg1 --exec-arg=arg2

    # Create or update exec auth plugin environment variables for the "cluster-admin" entry
    kubectl config set-credentials cluster-admin --exec-env=key1=val1 --exec-env=key2=val2

    # Remove exec auth plugin environment variables for the "cluster-admin" entry
    kubectl config set-credentials cluster-admin --exec-env=var-to-remove-`),
  flags: [
    { name: 'auth-provider', type: 'string', usage: 'Auth provider for the user entry in kubeconfig' },
    { name: 'auth-provider-arg', type: 'stringSlice', default: '[]', usage: "'key=value' arguments for the auth provider" },
    { name: 'client-certificate', type: 'string', usage: 'Path to client-certificate file for the user entry in kubeconfig' },
    { name: 'client-key', type: 'string', usage: 'Path to client-key file for the user entry in kubeconfig' },
    { name: 'embed-certs', type: 'bool', usage: 'Embed client cert/key for the user entry in kubeconfig' },
    { name: 'exec-api-version', type: 'string', usage: 'API version of the exec credential plugin for the user entry in kubeconfig' },
    { name: 'exec-arg', type: 'stringSlice', default: '[]', usage: 'New arguments for the exec credential plugin command for the user entry in kubeconfig' },
    { name: 'exec-command', type: 'string', usage: 'Command for the exec credential plugin for the user entry in kubeconfig' },
    { name: 'exec-env', type: 'stringArray', default: '[]', usage: "'key=value' environment values for the exec credential plugin" },
    { name: 'exec-interactive-mode', type: 'string', usage: 'InteractiveMode of the exec credentials plugin for the user entry in kubeconfig' },
    { name: 'exec-provide-cluster-info', type: 'bool', usage: 'ProvideClusterInfo of the exec credentials plugin for the user entry in kubeconfig' },
    { name: 'password', type: 'string', usage: 'password for the user entry in kubeconfig' },
    { name: 'token', type: 'string', usage: 'token for the user entry in kubeconfig' },
    { name: 'username', type: 'string', usage: 'username for the user entry in kubeconfig' },
  ],
  run: runSetCredentials,
};

/** The learner's working directory, which relative paths start from (the shell's home). */
const HOME = KUBECONFIG_PATH.replace(/\/\.kube\/config$/, '');
/** The kubeconfig's directory: paths under it are written relative to it. */
const KUBECONFIG_DIR = KUBECONFIG_PATH.replace(/\/[^/]*$/, '');

/** `cmdutil.ParsePairs(args, type, true)`: `key=value` to set, `key-` to remove. */
export function parsePairs(pairs: readonly string[], pairType: string): { set: Map<string, string>; remove: string[] } | KubectlError {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq > 0) set.set(p.slice(0, eq), p.slice(eq + 1));
    else if (eq < 0 && p.endsWith('-')) remove.push(p.slice(0, -1));
    else invalid.push(p);
  }
  return invalid.length ? err.message(`invalid ${pairType} format: ${invalid.join(', ')}`) : { set, remove };
}

/** Go's `filepath.Abs` from the home directory, then clientcmd's `RelativizePathWithNoBacksteps` against the kubeconfig's directory. */
export function kubeconfigPath(path: string): string {
  const parts: string[] = [];
  for (const seg of (path.startsWith('/') ? path : `${HOME}/${path}`).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  const abs = `/${parts.join('/')}`;
  return abs.startsWith(`${KUBECONFIG_DIR}/`) ? abs.slice(KUBECONFIG_DIR.length + 1) : abs;
}

interface Options {
  name: string;
  authProviderArgs?: { set: Map<string, string>; remove: string[] };
  execEnv?: { set: Map<string, string>; remove: string[] };
}

/** complete(): the name and the key=value lists; its errors come after the command's help, as cobra's `cmd.Help()` prints it. */
function complete(ctx: CommandContext): Options | KubectlError {
  if (ctx.args.length !== 1) return err.message(`unexpected args: [${ctx.args.join(' ')}]`);
  const o: Options = { name: ctx.args[0] };
  const providerArgs = ctx.flags.list('auth-provider-arg');
  if (providerArgs.length > 0) {
    const p = parsePairs(providerArgs, 'auth-provider-arg');
    if ('type' in p) return p;
    o.authProviderArgs = p;
  }
  const env = ctx.flags.list('exec-env');
  if (env.length > 0) {
    const p = parsePairs(env, 'exec-env');
    if ('type' in p) return p;
    o.execEnv = p;
  }
  return o;
}

function validate(ctx: CommandContext, o: Options): KubectlError | undefined {
  if (o.name === '') return err.message('you must specify a non-empty user name');
  const methods: string[] = [];
  if (ctx.flags.string('token')) methods.push('--token');
  if (ctx.flags.string('username') || ctx.flags.string('password')) methods.push('--username/--password');
  if (methods.length > 1) return err.message(`you cannot specify more than one authentication method at the same time: ${methods.join(', ')}`);
  if (ctx.flags.bool('embed-certs')) {
    const cert = ctx.flags.string('client-certificate');
    const key = ctx.flags.string('client-key');
    if (cert === '' && key === '') return err.message('you must specify a --client-certificate or --client-key to embed');
    for (const [flag, path] of [['client-certificate', cert], ['client-key', key]] as const) {
      if (path !== '' && ctx.env.files.read(path) === undefined) return err.message(`could not stat ${flag} file ${path}: stat ${path}: no such file or directory`);
    }
  }
  if (ctx.flags.changed('exec-interactive-mode') && !['IfAvailable', 'Never', 'Always'].includes(ctx.flags.string('exec-interactive-mode'))) {
    return err.message('invalid interactive mode type, can be only IfAvailable, Never, Always');
  }
  return undefined;
}

/** A string field: set, or left out when empty (the file's `omitempty`). */
function setField(entry: UserEntry, key: string, value: string): void {
  if (value === '') delete entry[key];
  else entry[key] = value;
}

/** --client-certificate/--client-key: the path, or with --embed-certs the file's bytes as `*-data`. */
function setCertFile(ctx: CommandContext, entry: UserEntry, flag: 'client-certificate' | 'client-key'): void {
  if (!ctx.flags.changed(flag)) return;
  const path = ctx.flags.string(flag);
  if (ctx.flags.bool('embed-certs')) {
    setField(entry, `${flag}-data`, encodeBase64(ctx.env.files.read(path) ?? ''));
    delete entry[flag];
  } else {
    entry[flag] = kubeconfigPath(path);
    delete entry[`${flag}-data`];
  }
}

/** --auth-provider and its --auth-provider-arg pairs (a different provider starts an empty config). */
function modifyAuthProvider(ctx: CommandContext, entry: UserEntry, o: Options): void {
  let provider = entry['auth-provider'] as AuthProviderEntry | undefined;
  if (ctx.flags.changed('auth-provider') && provider?.name !== ctx.flags.string('auth-provider')) provider = { config: {}, name: ctx.flags.string('auth-provider') };
  if (!provider) return;
  const cfg = { ...provider.config };
  for (const k of o.authProviderArgs?.remove ?? []) delete cfg[k];
  for (const [k, v] of o.authProviderArgs?.set ?? []) cfg[k] = v;
  entry['auth-provider'] = { config: Object.fromEntries(Object.keys(cfg).sort().map((k) => [k, cfg[k]])), name: provider.name };
}

/** The --exec-* flags: a new --exec-command starts a plugin (or resets its args); the others change only an existing one. */
function modifyExec(ctx: CommandContext, entry: UserEntry, o: Options): void {
  const old = entry.exec as ExecEntry | undefined;
  let exec: ExecEntry | undefined = old && { ...old, env: old.env && old.env.map((e) => ({ ...e })) };
  if (ctx.flags.changed('exec-command')) {
    exec = exec ? { ...exec, args: null, command: ctx.flags.string('exec-command') } : { args: null, command: ctx.flags.string('exec-command'), env: null, provideClusterInfo: false };
  }
  if (!exec) return;
  if (ctx.flags.changed('exec-api-version')) exec.apiVersion = ctx.flags.string('exec-api-version') || undefined;
  const args = ctx.flags.list('exec-arg');
  if (args.length > 0) exec.args = args;
  if (ctx.flags.changed('exec-interactive-mode')) exec.interactiveMode = ctx.flags.string('exec-interactive-mode');
  if (ctx.flags.changed('exec-provide-cluster-info')) exec.provideClusterInfo = ctx.flags.bool('exec-provide-cluster-info');
  if (o.execEnv) {
    const remove = new Set(o.execEnv.remove);
    const env = (exec.env ?? []).filter((e) => !remove.has(e.name));
    for (const [name, value] of o.execEnv.set) {
      const found = env.find((e) => e.name === name);
      if (found) found.value = value;
      else env.push({ name, value });
    }
    exec.env = env;
  }
  // client-go's defaulting on every load: v1beta1 (and v1alpha1) plugins are interactive if they can be.
  if (!exec.interactiveMode && /^client\.authentication\.k8s\.io\/v1(alpha1|beta1)$/.test(exec.apiVersion ?? '')) exec.interactiveMode = 'IfAvailable';
  const { apiVersion, args: a, command, env, interactiveMode, provideClusterInfo } = exec;
  entry.exec = { ...(apiVersion ? { apiVersion } : {}), args: a, command, env, ...(interactiveMode ? { interactiveMode } : {}), provideClusterInfo };
}

/** `modifyAuthInfo`: the entry with the flags merged in. */
function modifyAuthInfo(ctx: CommandContext, existing: UserEntry, o: Options): UserEntry {
  const entry: UserEntry = { ...existing };
  setCertFile(ctx, entry, 'client-certificate');
  setCertFile(ctx, entry, 'client-key');
  let setToken = false;
  let setBasic = false;
  if (ctx.flags.changed('token')) {
    setField(entry, 'token', ctx.flags.string('token'));
    setToken = ctx.flags.string('token') !== '';
  }
  for (const f of ['username', 'password']) {
    if (!ctx.flags.changed(f)) continue;
    setField(entry, f, ctx.flags.string(f));
    setBasic ||= ctx.flags.string(f) !== '';
  }
  modifyAuthProvider(ctx, entry, o);
  modifyExec(ctx, entry, o);
  // One way to authenticate: setting a token clears basic auth, and the other way round.
  if (setToken && !setBasic) {
    delete entry.username;
    delete entry.password;
  }
  if (setBasic && !setToken) delete entry.token;
  return Object.fromEntries(Object.keys(entry).sort().map((k) => [k, entry[k]]));
}

function runSetCredentials(ctx: CommandContext): CommandResult {
  const o = complete(ctx);
  if ('type' in o) {
    ctx.out(ctx.help());
    return o;
  }
  const invalid = validate(ctx, o);
  if (invalid) return invalid;
  const kc = config(ctx);
  kc.users.set(o.name, modifyAuthInfo(ctx, kc.users.get(o.name) ?? {}, o));
  ctx.out(`User "${o.name}" set.\n`);
  return 0;
}
