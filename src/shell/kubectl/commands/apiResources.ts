import type { ResourceInfo } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { err } from '../errors';
import { tabwrite } from '../printerApi';
import { examples, longDesc } from '../text';

/** `kubectl api-resources` (kubectl `pkg/cmd/apiresources/apiresources.go`). */
export const apiResourcesCommand: CommandSpec = {
  path: ['api-resources'],
  flagsInUseLine: true,
  use: 'api-resources',
  short: 'Print the supported API resources on the server',
  long: longDesc(`
    Print the supported API resources on the server.`),
  example: examples(`
    # Print the supported API resources
    kubectl api-resources

    # Print the supported API resources with more information
    kubectl api-resources -o wide

    # Print the supported API resources sorted by a column
    kubectl api-resources --sort-by=name

    # Print the supported namespaced resources
    kubectl api-resources --namespaced=true

    # Print the supported non-namespaced resources
    kubectl api-resources --namespaced=false

    # Print the supported API resources with a specific APIGroup
    kubectl api-resources --api-group=rbac.authorization.k8s.io`),
  flags: [
    { name: 'api-group', type: 'string', usage: "Limit to resources in the specified API group." },
    { name: 'cached', type: 'bool', usage: 'Use the cached list of resources if available.' },
    { name: 'categories', type: 'stringSlice', default: '[]', usage: 'Limit to resources that belong to the specified categories.' },
    { name: 'namespaced', type: 'bool', default: 'true', usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (wide, name).' },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: 'verbs', type: 'stringSlice', default: '[]', usage: 'Limit to resources that support the specified verbs.' },
  ],
  run: runApiResources,
};

function runApiResources(ctx: CommandContext): CommandResult {
  if (ctx.args.length > 0) return err.usage(ctx.commandPath, `Unexpected args: [${ctx.args.join(' ')}]`);
  const output = ctx.flags.string('output');
  if (output !== '' && output !== 'wide' && output !== 'name') return err.message(`--output ${output} is not available`);
  const sortBy = ctx.flags.string('sort-by');
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') return err.message(`--sort-by accepts only name or kind`);
  let list: ResourceInfo[] = [...ctx.cluster.resources.all];
  if (ctx.flags.changed('api-group')) list = list.filter((i) => i.group === ctx.flags.string('api-group'));
  if (ctx.flags.changed('namespaced')) list = list.filter((i) => i.namespaced === ctx.flags.bool('namespaced'));
  const verbs = ctx.flags.list('verbs');
  if (verbs.length) list = list.filter((i) => verbs.every((v) => i.verbs.includes(v)));
  const cats = ctx.flags.list('categories');
  if (cats.length) list = list.filter((i) => cats.every((c) => i.categories.includes(c)));
  if (sortBy === 'name') list.sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
  if (sortBy === 'kind') list.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
  if (output === 'name') {
    ctx.out(list.map((i) => (i.group ? `${i.resource}.${i.group}\n` : `${i.resource}\n`)).join(''));
    return 0;
  }
  const wide = output === 'wide';
  const rows: string[][] = [];
  if (!ctx.flags.bool('no-headers')) rows.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])]);
  for (const i of list) {
    rows.push([
      i.resource,
      i.shortNames.join(','),
      i.group ? `${i.group}/${i.version}` : i.version,
      String(i.namespaced),
      i.kind,
      ...(wide ? [i.verbs.join(','), i.categories.join(',')] : []),
    ]);
  }
  ctx.out(tabwrite(rows, { minWidth: 6, padding: 3 }));
  return 0;
}

/** `kubectl api-versions` (kubectl `pkg/cmd/apiresources/apiversions.go`): every served group/version, sorted. */
export const apiVersionsCommand: CommandSpec = {
  path: ['api-versions'],
  use: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  long: longDesc(`
    Print the supported API versions on the server, in the form of "group/version".`),
  example: examples(`
    # Print the supported API versions
    kubectl api-versions`),
  flags: [],
  run: (ctx) => {
    if (ctx.args.length > 0) return err.usage(ctx.commandPath, `Unexpected args: [${ctx.args.join(' ')}]`);
    const versions = new Set(ctx.cluster.resources.served.map((i) => (i.group ? `${i.group}/${i.version}` : i.version)));
    // Go's sort.Strings: byte order.
    ctx.out([...versions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((v) => `${v}\n`).join(''));
    return 0;
  },
};
