import { encodeBase64, type KubeObject } from '../../../sim/k8s/index';
import { appendHashIfAsked } from '../contentHash';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, fieldManagerFlag, templateFlags, validateFlag } from '../common';
import { createGenerated } from '../createObject';
import { err } from '../errors';
import type { FlagSpec } from '../flags';
import { examples, longDesc } from '../text';
import { readDataSources } from './configSources';
import { appendHashFlag as configMapAppendHashFlag, outputFlag, saveConfigFlag } from './createConfigMap';
import { defaultSubCommandRun } from './parent';

/** `kubectl create secret` (kubectl `pkg/cmd/create/create_secret.go`): the parent of generic, tls and docker-registry. */
export const createSecretCommand: CommandSpec = {
  path: ['create', 'secret'],
  use: 'secret (docker-registry | generic | tls)',
  short: 'Create a secret using a specified subcommand',
  long: longDesc(`
    Create a secret with specified type.

    A docker-registry type secret is for accessing a container registry.

    A generic type secret indicate an Opaque secret type.

    A tls type secret holds TLS certificate and its associated key.`),
  flags: [],
  run: defaultSubCommandRun,
};

/** The configmap flags worded for a secret, as create_secret.go words them. */
const appendHashFlag: FlagSpec = { ...configMapAppendHashFlag, usage: 'Append a hash of the secret to its name.' };
const sourceFlags: FlagSpec[] = [
  { name: 'from-env-file', type: 'stringSlice', default: '[]', usage: 'Specify the path to a file to read lines of key=val pairs to create a secret.' },
  { name: 'from-file', type: 'stringSlice', default: '[]', usage: 'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.' },
  { name: 'from-literal', type: 'stringArray', default: '[]', usage: 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)' },
];

const common = (extra: FlagSpec[]) => [appendHashFlag, dryRunFlag, fieldManagerFlag('kubectl-create'), outputFlag, saveConfigFlag, ...templateFlags, validateFlag, ...extra].sort((a, b) => (a.name < b.name ? -1 : 1));

function secret(name: string, type: string, data: [string, string][]): KubeObject {
  const s: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { creationTimestamp: null as unknown as string, name } };
  if (data.length) s.data = Object.fromEntries(data.map(([k, v]) => [k, encodeBase64(v)]));
  // An empty type is left to the API server, which defaults it to Opaque.
  if (type) s.type = type;
  return s;
}

function oneName(ctx: CommandContext): string | CommandResult {
  if (ctx.args.length !== 1) return err.usage(ctx.commandPath, `exactly one NAME is required, got ${ctx.args.length}`);
  return ctx.args[0];
}

/** `kubectl create secret generic`: typed only by --type (the API server defaults it to Opaque). */
export const createSecretGenericCommand: CommandSpec = {
  path: ['create', 'secret', 'generic'],
  use: 'generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  short: 'Create a secret from a local file, directory, or literal value',
  long: longDesc(`
    Create a secret based on a file, directory, or specified literal value.

    A single secret may package one or more key/value pairs.

    When creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.

    When creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).`),
  example: examples(`
    # Create a new secret named my-secret with keys for each file in folder bar
    kubectl create secret generic my-secret --from-file=path/to/bar

    # Create a new secret named my-secret with specified keys instead of names on disk
    kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-file=ssh-publickey=path/to/id_rsa.pub

    # Create a new secret named my-secret with key1=supersecret and key2=topsecret
    kubectl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret

    # Create a new secret named my-secret using a combination of a file and a literal
    kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-literal=passphrase=topsecret

    # Create a new secret named my-secret from env files
    kubectl create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`),
  flags: common([...sourceFlags, { name: 'type', type: 'string', usage: 'The type of secret to create' }]),
  run: (ctx) => {
    const name = oneName(ctx);
    if (typeof name !== 'string') return name;
    if (ctx.flags.list('from-env-file').length > 0 && (ctx.flags.list('from-file').length > 0 || ctx.flags.list('from-literal').length > 0)) {
      return err.message('from-env-file cannot be combined with from-file or from-literal');
    }
    const sources = readDataSources(ctx, 'Secret', name);
    if (!sources.ok) return err.message(sources.message);
    return createGenerated(ctx, appendHashIfAsked(ctx, secret(name, ctx.flags.string('type'), sources.data)));
  },
};

/** `kubectl create secret tls`: tls.crt and tls.key from PEM files. */
export const createSecretTLSCommand: CommandSpec = {
  path: ['create', 'secret', 'tls'],
  use: 'tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none]',
  short: 'Create a TLS secret',
  long: longDesc(`
    Create a TLS secret from the given public/private key pair.

    The public/private key pair must exist beforehand. The public key certificate must be .PEM encoded and match the given private key.`),
  example: examples(`
    # Create a new TLS secret named tls-secret with the given key pair
    kubectl create secret tls tls-secret --cert=path/to/tls.crt --key=path/to/tls.key`),
  flags: common([
    { name: 'cert', type: 'string', usage: 'Path to PEM encoded public key certificate.' },
    { name: 'key', type: 'string', usage: 'Path to private key associated with given certificate.' },
  ]),
  run: (ctx) => {
    const name = oneName(ctx);
    if (typeof name !== 'string') return name;
    const certPath = ctx.flags.string('cert');
    const keyPath = ctx.flags.string('key');
    if (!certPath || !keyPath) return err.message('key and cert must be specified');
    const cert = ctx.env.files.read(certPath);
    if (cert === undefined) return err.message(`Cannot read file ${certPath}, open ${certPath}: no such file or directory`);
    const key = ctx.env.files.read(keyPath);
    if (key === undefined) return err.message(`Cannot read file ${keyPath}, open ${keyPath}: no such file or directory`);
    // tls.X509KeyPair: only the PEM framing is checked here (no cryptography in the playground).
    if (!/-----BEGIN [A-Z ]+-----/.test(cert)) return err.message('tls: failed to find any PEM data in certificate input');
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) return err.message('tls: failed to find any PEM data in key input');
    return createGenerated(ctx, appendHashIfAsked(ctx, secret(name, 'kubernetes.io/tls', [['tls.crt', cert], ['tls.key', key]])));
  },
};

/** `kubectl create secret docker-registry`: a .dockerconfigjson for one registry. */
export const createSecretDockerRegistryCommand: CommandSpec = {
  path: ['create', 'secret', 'docker-registry'],
  use: 'docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none]',
  short: 'Create a secret for use with a Docker registry',
  // Upstream's text is indented more than its "That produces" line, so its markdown renders the rest as code.
  long: longDesc(`
        Create a new secret for use with Docker registries.

        Dockercfg secrets are used to authenticate against Docker registries.

        When using the Docker command line to push images, you can authenticate to a given registry by running:
        '$ docker login DOCKER_REGISTRY_SERVER --username=DOCKER_USER --password=DOCKER_PASSWORD --email=DOCKER_EMAIL'.

    That produces a ~/.dockercfg file that is used by subsequent 'docker push' and 'docker pull' commands to authenticate to the registry. The email address is optional.

        When creating applications, you may have a Docker registry that requires authentication.  In order for the
        nodes to pull images on your behalf, they must have the credentials.  You can provide this information
        by creating a dockercfg secret and attaching it to your service account.`),
  example: examples(`
    # If you do not already have a .dockercfg file, create a dockercfg secret directly
    kubectl create secret docker-registry my-secret --docker-server=DOCKER_REGISTRY_SERVER --docker-username=DOCKER_USER --docker-password=DOCKER_PASSWORD --docker-email=DOCKER_EMAIL

    # Create a new secret named my-secret from ~/.docker/config.json
    kubectl create secret docker-registry my-secret --from-file=path/to/.docker/config.json`),
  flags: common([
    { name: 'docker-email', type: 'string', usage: 'Email for Docker registry' },
    { name: 'docker-password', type: 'string', usage: 'Password for Docker registry authentication' },
    { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/', usage: 'Server location for Docker registry' },
    { name: 'docker-username', type: 'string', usage: 'Username for Docker registry authentication' },
    { name: 'from-file', type: 'stringSlice', default: '[]', usage: 'Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named file in the directory that is a valid secret key. For this command, the key should always be .dockerconfigjson.' },
  ]),
  run: (ctx) => {
    const name = oneName(ctx);
    if (typeof name !== 'string') return name;
    if (ctx.flags.list('from-file').length > 0) {
      const sources = readDataSources(ctx, 'Secret', name);
      if (!sources.ok) return err.message(sources.message);
      return createGenerated(ctx, appendHashIfAsked(ctx, secret(name, 'kubernetes.io/dockerconfigjson', sources.data.map(([k, v]) => [k.includes('=') ? k : '.dockerconfigjson', v]))));
    }
    const user = ctx.flags.string('docker-username');
    const password = ctx.flags.string('docker-password');
    if (!user || !password) return err.message('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    const server = ctx.flags.string('docker-server') || 'https://index.docker.io/v1/';
    const email = ctx.flags.string('docker-email');
    const entry: Record<string, string> = { username: user, password };
    if (email) entry.email = email;
    entry.auth = encodeBase64(`${user}:${password}`);
    const json = JSON.stringify({ auths: { [server]: entry } });
    return createGenerated(ctx, appendHashIfAsked(ctx, secret(name, 'kubernetes.io/dockerconfigjson', [['.dockerconfigjson', json]])));
  },
};
