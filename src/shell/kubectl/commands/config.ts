import { parseOutputFormat } from '../printers/format/parseOutputFormat';
import { printJsonPath } from '../printers/format/jsonpath/printJsonPath';
import { toStructJson } from '../printers/format/toJson';
import { toYaml } from '../printers/format/yaml/toYaml';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { err } from '../errors';
import { templateFlags } from '../common';
import { inConfigStructOrder, KUBECONFIG_PATH } from '../kubeconfig';
import { config, configDeleteClusterCommand, configDeleteUserCommand, configSetClusterCommand, configSetCommand, configUnsetCommand, wrongArgs } from './configEntries';
import { configSetCredentialsCommand } from './configSetCredentials';
import { examples, longDesc } from '../text';
import { defaultSubCommandRun } from './parent';

/**
 * `kubectl config` (kubectl `pkg/cmd/config`): the kubeconfig of the shell
 * (`kubeconfig.ts`) viewed and changed — contexts, their namespace, the
 * current one — with kubectl's messages and errors.
 */

const OUTPUT_FLAG = { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' } as const;

export const configCommand: CommandSpec = {
  path: ['config'],
  use: 'config SUBCOMMAND',
  short: 'Modify kubeconfig files',
  long: longDesc(`
    Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

    The loading order follows these rules:

    1. If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
    2. If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
    3. Otherwise, \${HOME}/.kube/config is used and no merging takes place.`),
  flags: [],
  run: defaultSubCommandRun,
};

export const configCurrentContextCommand: CommandSpec = {
  path: ['config', 'current-context'],
  flagsInUseLine: true,
  use: 'current-context',
  short: 'Display the current-context',
  long: longDesc(`
    Display the current-context.`),
  example: examples(`
    # Display the current-context
    kubectl config current-context`),
  flags: [],
  run: (ctx) => {
    ctx.out(`${config(ctx).current}\n`);
    return 0;
  },
};

export const configGetContextsCommand: CommandSpec = {
  path: ['config', 'get-contexts'],
  use: 'get-contexts [(-o|--output=)name)]',
  short: 'Describe one or many contexts',
  long: longDesc(`
    Display one or many contexts from the kubeconfig file.`),
  example: examples(`
    # List all the contexts in your kubeconfig file
    kubectl config get-contexts

    # Describe one context in your kubeconfig file
    kubectl config get-contexts my-context`),
  flags: [
    { name: 'no-headers', type: 'bool', usage: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (name).' },
  ],
  run: (ctx) => {
    const kc = config(ctx);
    const output = ctx.flags.string('output');
    if (output !== '' && output !== 'name') return err.message(`output must be one of '' or 'name': ${output}`);
    const names = ctx.args.length ? [...ctx.args] : [...kc.contexts.keys()].sort();
    const missing = names.filter((n) => !kc.contexts.has(n));
    const found = names.filter((n) => kc.contexts.has(n));
    if (output === 'name') for (const n of found) ctx.out(`${n}\n`);
    else {
      const rows = found.map((n) => {
        const c = kc.contexts.get(n)!;
        return [n === kc.current ? '*' : '', n, c.cluster, c.user, c.namespace ?? ''];
      });
      if (!ctx.flags.bool('no-headers')) rows.unshift(['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']);
      ctx.out(tabwriter(rows));
    }
    if (missing.length) return missing.length === 1 ? err.message(`context ${missing[0]} not found`) : err.aggregate(missing.map((m) => err.message(`context ${m} not found`)));
    return 0;
  },
};

/** Go's tabwriter as kubectl's GetNewTabWriter sets it up (min width 6, padding 3): the last cell unpadded. */
function tabwriter(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(6, ...rows.map((r) => r[i].length + 3))) ?? [];
  return rows.map((r) => r.map((cell, i) => (i < r.length - 1 ? cell.padEnd(widths[i]) : cell)).join('') + '\n').join('');
}

function listing(what: 'clusters' | 'users', short: string, example: string): CommandSpec {
  return {
    path: ['config', `get-${what}`],
    flagsInUseLine: true,
    use: `get-${what}`,
    short,
    long: longDesc(`
      ${short}.`),
    example: examples(example),
    flags: [],
    run: (ctx) => {
      const kc = config(ctx);
      const names = [...(what === 'clusters' ? kc.clusters : kc.users).keys()];
      ctx.out(`NAME\n${names.sort().map((n) => `${n}\n`).join('')}`);
      return 0;
    },
  };
}

export const configGetClustersCommand = listing('clusters', 'Display clusters defined in the kubeconfig', `
    # List the clusters that kubectl knows about
    kubectl config get-clusters`);

export const configGetUsersCommand = listing('users', 'Display users defined in the kubeconfig', `
    # List the users that kubectl knows about
    kubectl config get-users`);

export const configUseContextCommand: CommandSpec = {
  path: ['config', 'use-context'],
  use: 'use-context CONTEXT_NAME',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  long: longDesc(`
    Set the current-context in a kubeconfig file.`),
  example: examples(`
    # Use the context for the minikube cluster
    kubectl config use-context minikube`),
  flags: [],
  run: (ctx) => {
    const wrong = wrongArgs(ctx, 1);
    if (wrong) return wrong;
    const kc = config(ctx);
    const name = ctx.args[0];
    if (!kc.contexts.has(name)) return err.message(`error: no context exists with the name: "${name}"`);
    kc.current = name;
    ctx.out(`Switched to context "${name}".\n`);
    return 0;
  },
};

export const configSetContextCommand: CommandSpec = {
  path: ['config', 'set-context'],
  use: 'set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace]',
  short: 'Set a context entry in kubeconfig',
  long: longDesc(`
    Set a context entry in kubeconfig.

     Specifying a name that already exists will merge new fields on top of existing values for those fields.`),
  example: examples(`
    # Set the user field on the gce context entry without touching other values
    kubectl config set-context gce --user=cluster-admin`),
  flags: [
    { name: 'cluster', type: 'string', usage: 'cluster for the context entry in kubeconfig' },
    { name: 'current', type: 'bool', usage: 'Modify the current context' },
    { name: 'namespace', type: 'string', usage: 'namespace for the context entry in kubeconfig' },
    { name: 'user', type: 'string', usage: 'user for the context entry in kubeconfig' },
  ],
  run: (ctx) => {
    const kc = config(ctx);
    const current = ctx.flags.bool('current');
    if (current && ctx.args.length > 0) return err.message('you cannot specify both a context name and --current');
    const wrong = current ? undefined : wrongArgs(ctx, 1);
    if (wrong) return wrong;
    const name = current ? kc.current : ctx.args[0];
    if (name === '') return err.message('no current context is set');
    const existed = kc.contexts.get(name);
    const entry = existed ?? { cluster: '', user: '' };
    if (ctx.flags.changed('cluster')) entry.cluster = ctx.flags.string('cluster');
    if (ctx.flags.changed('user')) entry.user = ctx.flags.string('user');
    if (ctx.flags.changed('namespace')) entry.namespace = ctx.flags.string('namespace') || undefined;
    kc.contexts.set(name, entry);
    ctx.out(`Context "${name}" ${existed ? 'modified' : 'created'}.\n`);
    return 0;
  },
};

export const configDeleteContextCommand: CommandSpec = {
  path: ['config', 'delete-context'],
  use: 'delete-context NAME',
  short: 'Delete the specified context from the kubeconfig',
  long: longDesc(`
    Delete the specified context from the kubeconfig.`),
  example: examples(`
    # Delete the context for the minikube cluster
    kubectl config delete-context minikube`),
  flags: [],
  run: (ctx) => {
    const wrong = wrongArgs(ctx, 1);
    if (wrong) return wrong;
    const kc = config(ctx);
    const name = ctx.args[0];
    if (!kc.contexts.has(name)) return err.message(`cannot delete context ${name}, not in ${KUBECONFIG_PATH}`);
    if (kc.current === name) ctx.errOut('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
    kc.contexts.delete(name);
    ctx.out(`deleted context ${name} from ${KUBECONFIG_PATH}\n`);
    return 0;
  },
};

export const configRenameContextCommand: CommandSpec = {
  path: ['config', 'rename-context'],
  use: 'rename-context CONTEXT_NAME NEW_NAME',
  short: 'Rename a context from the kubeconfig file',
  long: longDesc(`
    Renames a context from the kubeconfig file.

     CONTEXT_NAME is the context name that you want to change.

     NEW_NAME is the new name you want to set.

     Note: If the context being renamed is the 'current-context', this field will also be updated.`),
  example: examples(`
    # Rename the context 'old-name' to 'new-name' in your kubeconfig file
    kubectl config rename-context old-name new-name`),
  flags: [],
  run: (ctx) => {
    const wrong = wrongArgs(ctx, 2);
    if (wrong) return wrong;
    const kc = config(ctx);
    const [from, to] = ctx.args;
    const entry = kc.contexts.get(from);
    if (!entry) return err.message(`cannot rename the context "${from}", it's not in ${KUBECONFIG_PATH}`);
    if (kc.contexts.has(to)) return err.message(`cannot rename the context "${from}", the context "${to}" already exists in ${KUBECONFIG_PATH}`);
    kc.contexts.delete(from);
    kc.contexts.set(to, entry);
    if (kc.current === from) kc.current = to;
    ctx.out(`Context "${from}" renamed to "${to}".\n`);
    return 0;
  },
};

export const configViewCommand: CommandSpec = {
  path: ['config', 'view'],
  flagsInUseLine: true,
  use: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  long: longDesc(`
    Display merged kubeconfig settings or a specified kubeconfig file.

     You can use --output jsonpath={...} to extract specific values using a jsonpath expression.`),
  example: examples(`
    # Show merged kubeconfig settings
    kubectl config view

    # Show merged kubeconfig settings, raw certificate data, and exposed secrets
    kubectl config view --raw

    # Get the password for the e2e user
    kubectl config view -o jsonpath='{.users[?(@.name == "e2e")].user.password}'`),
  flags: [
    { name: 'flatten', type: 'bool', usage: 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)' },
    { name: 'merge', type: 'bool', default: 'true', usage: 'Merge the full hierarchy of kubeconfig files' },
    { name: 'minify', type: 'bool', usage: 'Remove all information not used by current-context from the output' },
    { ...OUTPUT_FLAG, default: 'yaml' },
    { name: 'raw', type: 'bool', usage: 'Display raw byte data and sensitive data' },
    ...templateFlags,
  ],
  run: (ctx) => runView(ctx),
};

function runView(ctx: CommandContext): CommandResult {
  const view = config(ctx).view(ctx.flags.bool('minify'), ctx.flags.bool('raw') || ctx.flags.bool('flatten'));
  const format = parseOutputFormat(ctx.flags.string('output') || 'yaml');
  if ('error' in format) return err.message(format.error);
  if (format.type === 'yaml') ctx.out(toYaml(view));
  // JSON is the v1 Config struct's (its fields in declaration order); YAML goes through a map, so its keys are sorted.
  else if (format.type === 'json') ctx.out(toStructJson(inConfigStructOrder(view)));
  else if (format.type === 'jsonpath') {
    const r = printJsonPath(format.template, view, format.asJson);
    if ('error' in r) return err.message(r.error);
    ctx.out(r.text);
  } else return err.message(`output must be one of '', 'json', 'yaml' or a jsonpath: ${ctx.flags.string('output')}`);
  return 0;
}

/** Every `kubectl config` command, the parent first. */
export const CONFIG_COMMANDS: readonly CommandSpec[] = [
  configCommand,
  configCurrentContextCommand,
  configDeleteClusterCommand,
  configDeleteContextCommand,
  configDeleteUserCommand,
  configGetClustersCommand,
  configGetContextsCommand,
  configGetUsersCommand,
  configRenameContextCommand,
  configSetCommand,
  configSetClusterCommand,
  configSetContextCommand,
  configSetCredentialsCommand,
  configUnsetCommand,
  configUseContextCommand,
  configViewCommand,
];
