import { KUBERNETES_VERSION, versionInfo } from '../../../sim/k8s/index';
import { toYaml } from '../printers/format/yaml/toYaml';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { err } from '../errors';
import { examples, longDesc } from '../text';

/** The Kustomize library vendored by kubectl v1.32. */
const KUSTOMIZE_VERSION = 'v5.5.0';

/** `kubectl version` (kubectl `pkg/cmd/version/version.go`). */
export const versionCommand: CommandSpec = {
  path: ['version'],
  flagsInUseLine: true,
  use: 'version',
  short: 'Print the client and server version information',
  long: longDesc(`
    Print the client and server version information for the current context.`),
  example: examples(`
    # Print the client and server versions for the current context
    kubectl version`),
  flags: [
    { name: 'client', type: 'bool', usage: 'If true, shows client version only (no server required).' },
    { name: 'output', shorthand: 'o', type: 'string', usage: "One of 'yaml' or 'json'." },
  ],
  run: runVersion,
};

/** A build's version info (`version.Info`), as `kubectl version -o json` and the API server's `/version` give it. */
export const info = versionInfo;

function runVersion(ctx: CommandContext): CommandResult {
  if (ctx.args.length > 0) return err.usage(ctx.commandPath, `Unexpected args: [${ctx.args.join(' ')}]`);
  const output = ctx.flags.string('output');
  const clientOnly = ctx.flags.bool('client');
  if (output !== '' && output !== 'yaml' && output !== 'json') return err.message(`--output must be 'yaml' or 'json'`);
  if (output) {
    const value: Record<string, unknown> = { clientVersion: info(KUBERNETES_VERSION), kustomizeVersion: KUSTOMIZE_VERSION };
    if (!clientOnly) value.serverVersion = { ...info(KUBERNETES_VERSION), platform: 'linux/amd64' };
    // json.MarshalIndent keeps the struct's field order; sigs.k8s.io/yaml goes through JSON and sorts the keys. Println adds a line to both.
    if (output === 'json') ctx.out(`${JSON.stringify(value, null, 2)}\n`);
    else ctx.out(`${toYaml(value)}\n`);
    return 0;
  }
  ctx.out(`Client Version: ${KUBERNETES_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
  const unreachable = clientOnly ? undefined : ctx.env.kubeconfig?.unreachable(ctx.flags.string('context'));
  if (unreachable !== undefined) {
    ctx.errOut(`${unreachable}\n`);
    return 1;
  }
  if (!clientOnly) ctx.out(`Server Version: ${KUBERNETES_VERSION}\n`);
  return 0;
}
