import type { CommandContext, CommandSpec } from '../command';
import { err, type KubectlError } from '../errors';
import { Kubeconfig, KUBECONFIG_PATH } from '../kubeconfig';
import { examples, longDesc } from '../text';

/**
 * The `kubectl config` commands that write clusters, users and single
 * properties of the kubeconfig (kubectl `pkg/cmd/config`): `set-cluster`,
 * `delete-cluster`, `delete-user`, `set`, `unset`.
 */

/** The shell's kubeconfig (a command run outside a shell gets a fresh one). */
export function config(ctx: CommandContext): Kubeconfig {
  return ctx.env.kubeconfig ?? new Kubeconfig();
}

/** cobra's ExactArgs(n) as kubectl config's commands check it: the usage error, or undefined. */
export function wrongArgs(ctx: CommandContext, n: number): KubectlError | undefined {
  return ctx.args.length === n ? undefined : err.usage(ctx.commandPath, `Unexpected args: [${ctx.args.join(' ')}]`);
}

/** The flags given, as the entry's fields (`--insecure-skip-tls-verify` a boolean). */
function fieldsFrom(ctx: CommandContext, names: readonly string[], bools: readonly string[] = []): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const n of names) if (ctx.flags.changed(n)) out[n] = ctx.flags.string(n);
  for (const n of bools) if (ctx.flags.changed(n)) out[n] = ctx.flags.bool(n);
  return out;
}

const CLUSTER_FIELDS = ['server', 'certificate-authority', 'tls-server-name', 'proxy-url'];

export const configSetClusterCommand: CommandSpec = {
  path: ['config', 'set-cluster'],
  use: 'set-cluster NAME [--server=server] [--certificate-authority=path/to/certificate/authority] [--insecure-skip-tls-verify=true] [--tls-server-name=example.com]',
  short: 'Set a cluster entry in kubeconfig',
  long: longDesc(`
    Set a cluster entry in kubeconfig.

     Specifying a name that already exists will merge new fields on top of existing values for those fields.`),
  example: examples(`
    # Set only the server field on the e2e cluster entry without touching other values
    kubectl config set-cluster e2e --server=https://1.2.3.4

    # Embed certificate authority data for the e2e cluster entry
    kubectl config set-cluster e2e --embed-certs --certificate-authority=~/.kube/e2e/kubernetes.ca.crt

    # Disable cert checking for the e2e cluster entry
    kubectl config set-cluster e2e --insecure-skip-tls-verify=true

    # Set the custom TLS server name to use for validation for the e2e cluster entry
    kubectl config set-cluster e2e --tls-server-name=my-cluster-name

    # Set the proxy URL for the e2e cluster entry
    kubectl config set-cluster e2e --proxy-url=https://1.2.3.4`),
  flags: [
    { name: 'certificate-authority', type: 'string', usage: 'Path to certificate-authority file for the cluster entry in kubeconfig' },
    { name: 'embed-certs', type: 'bool', usage: 'embed-certs for the cluster entry in kubeconfig' },
    { name: 'insecure-skip-tls-verify', type: 'bool', usage: 'insecure-skip-tls-verify for the cluster entry in kubeconfig' },
    { name: 'proxy-url', type: 'string', usage: 'proxy-url for the cluster entry in kubeconfig' },
    { name: 'server', type: 'string', usage: 'server for the cluster entry in kubeconfig' },
    { name: 'tls-server-name', type: 'string', usage: 'tls-server-name for the cluster entry in kubeconfig' },
  ],
  run: (ctx) => {
    const wrong = wrongArgs(ctx, 1);
    if (wrong) return wrong;
    const kc = config(ctx);
    const name = ctx.args[0];
    kc.clusters.set(name, { ...kc.clusters.get(name), ...fieldsFrom(ctx, CLUSTER_FIELDS, ['insecure-skip-tls-verify']) });
    ctx.out(`Cluster "${name}" set.\n`);
    return 0;
  },
};

function deleting(what: 'cluster' | 'user'): CommandSpec {
  return {
    path: ['config', `delete-${what}`],
    use: `delete-${what} NAME`,
    short: `Delete the specified ${what} from the kubeconfig`,
    long: longDesc(`
      Delete the specified ${what} from the kubeconfig.`),
    example: examples(`
      # Delete the minikube ${what}
      kubectl config delete-${what} minikube`),
    flags: [],
    run: (ctx) => {
      const wrong = wrongArgs(ctx, 1);
      if (wrong) return wrong;
      const kc = config(ctx);
      const entries = what === 'cluster' ? kc.clusters : kc.users;
      const name = ctx.args[0];
      if (!entries.has(name)) return err.message(`cannot delete ${what} ${name}, not in ${KUBECONFIG_PATH}`);
      entries.delete(name);
      ctx.out(`deleted ${what} ${name} from ${KUBECONFIG_PATH}\n`);
      return 0;
    },
  };
}

export const configDeleteClusterCommand = deleting('cluster');
export const configDeleteUserCommand = deleting('user');

/**
 * A property path of `set`/`unset`: `current-context`, or
 * `contexts|clusters|users.NAME.FIELD`; the entry and field it names.
 */
function property(kc: Kubeconfig, path: string): { set(value: string | undefined): string | void } | string {
  if (path === 'current-context') return { set: (v) => (kc.current = v ?? '') };
  if (path === 'preferences.colors') {
    return {
      set: (v) => {
        // strconv.ParseBool's spellings; an error for anything else.
        if (v === undefined) kc.colors = undefined;
        else if (/^(1|t|T|TRUE|true|True)$/.test(v)) kc.colors = true;
        else if (/^(0|f|F|FALSE|false|False)$/.test(v)) kc.colors = false;
        else return `strconv.ParseBool: parsing ${JSON.stringify(v)}: invalid syntax`;
        return undefined;
      },
    };
  }
  const m = /^(contexts|clusters|users)\.([^.]+)\.([^.]+)$/.exec(path);
  if (!m) return `unable to locate path ${path}`;
  const [, kind, name, field] = m;
  if (kind === 'contexts') {
    if (!['cluster', 'user', 'namespace'].includes(field)) return `unable to locate path ${field}`;
    return {
      set: (v) => {
        const c = kc.contexts.get(name) ?? { cluster: '', user: '' };
        if (field === 'namespace') c.namespace = v || undefined;
        else c[field as 'cluster' | 'user'] = v ?? '';
        kc.contexts.set(name, c);
      },
    };
  }
  const entries = (kind === 'clusters' ? kc.clusters : kc.users) as Map<string, Record<string, unknown>>;
  return {
    set: (v) => {
      const e = { ...entries.get(name) };
      if (v === undefined) delete e[field];
      else e[field] = field === 'insecure-skip-tls-verify' ? v === 'true' : v;
      entries.set(name, e);
    },
  };
}

export const configSetCommand: CommandSpec = {
  path: ['config', 'set'],
  use: 'set PROPERTY_NAME PROPERTY_VALUE',
  short: 'Set an individual value in a kubeconfig file',
  long: longDesc(`
    Set an individual value in a kubeconfig file.

     PROPERTY_NAME is a dot delimited name where each token represents either an attribute name or a map key.  Map keys may not contain dots.

     PROPERTY_VALUE is the new value you want to set. Binary fields such as 'certificate-authority-data' expect a base64 encoded string unless the --set-raw-bytes flag is used.

     Specifying an attribute name that already exists will merge new fields on top of existing values.`),
  example: examples(`
    # Set the server field on the my-cluster cluster to https://1.2.3.4
    kubectl config set clusters.my-cluster.server https://1.2.3.4

    # Set the certificate-authority-data field on the my-cluster cluster
    kubectl config set clusters.my-cluster.certificate-authority-data $(echo "cert_data_here" | base64 -i -)

    # Set the cluster field in the my-context context to my-cluster
    kubectl config set contexts.my-context.cluster my-cluster

    # Set the client-key-data field in the cluster-admin user using --set-raw-bytes option
    kubectl config set users.cluster-admin.client-key-data cert_data_here --set-raw-bytes=true`),
  flags: [{ name: 'set-raw-bytes', type: 'bool', usage: 'When writing a []byte PROPERTY_VALUE, write the given string directly without base64 decoding.' }],
  run: (ctx) => {
    const wrong = wrongArgs(ctx, 2);
    if (wrong) return wrong;
    const p = property(config(ctx), ctx.args[0]);
    if (typeof p === 'string') return err.message(p);
    const failed = p.set(ctx.args[1]);
    if (failed) return err.message(failed);
    ctx.out(`Property "${ctx.args[0]}" set.\n`);
    return 0;
  },
};

export const configUnsetCommand: CommandSpec = {
  path: ['config', 'unset'],
  use: 'unset PROPERTY_NAME',
  short: 'Unset an individual value in a kubeconfig file',
  long: longDesc(`
    Unset an individual value in a kubeconfig file.

     PROPERTY_NAME is a dot delimited name where each token represents either an attribute name or a map key.  Map keys may not contain dots.`),
  example: examples(`
    # Unset the current-context
    kubectl config unset current-context

    # Unset namespace in foo context
    kubectl config unset contexts.foo.namespace`),
  flags: [],
  run: (ctx) => {
    const wrong = wrongArgs(ctx, 1);
    if (wrong) return wrong;
    const p = property(config(ctx), ctx.args[0]);
    if (typeof p === 'string') return err.message(p);
    p.set(undefined);
    ctx.out(`Property "${ctx.args[0]}" unset.\n`);
    return 0;
  },
};
