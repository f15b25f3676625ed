import type { RequestAttributes } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { outputFlag, templateFlags } from '../common';
import { err } from '../errors';
import { tabwrite } from '../printers/text/tabwrite';
import { combineResourceGroup, describedRules, goSlice } from '../printers/describe/policyRules';
import { examples, longDesc } from '../text';
import { defaultSubCommandRun } from './parent';
import { printResponse } from './printResponse';

/**
 * `kubectl auth` (kubectl `pkg/cmd/auth`): `can-i` asks the RBAC authorizer
 * what the current user — kind's admin, or whoever `--as` impersonates —
 * may do (a SelfSubjectAccessReview, or with `--list` a
 * SelfSubjectRulesReview); `whoami` shows who that is.
 */
export const authCommand: CommandSpec = {
  path: ['auth'],
  use: 'auth [flags]',
  short: 'Inspect authorization',
  long: longDesc(`
    Inspect authorization.`),
  flags: [],
  run: defaultSubCommandRun,
};

const RESOURCE_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest']);
const NON_RESOURCE_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*']);
/** Resources the server knows that discovery does not list (what `impersonate` applies to). */
const NON_STANDARD = new Set(['users', 'groups']);

export const canICommand: CommandSpec = {
  path: ['auth', 'can-i'],
  use: 'can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]',
  short: 'Check whether an action is allowed',
  long: longDesc(`
    Check whether an action is allowed.

    VERB is a logical Kubernetes API verb like 'get', 'list', 'watch', 'delete', etc. TYPE is a Kubernetes resource. Shortcuts and groups will be resolved. NONRESOURCEURL is a partial URL that starts with "/". NAME is the name of a particular Kubernetes resource. This command pairs nicely with impersonation. See --as global flag.`),
  example: examples(`
    # Check to see if I can create pods in any namespace
    kubectl auth can-i create pods --all-namespaces

    # Check to see if I can list deployments in my current namespace
    kubectl auth can-i list deployments.apps

    # Check to see if service account "foo" of namespace "dev" can list pods in the namespace "prod"
    # You must be allowed to use impersonation for the global option "--as"
    kubectl auth can-i list pods --as=system:serviceaccount:dev:foo -n prod

    # Check to see if I can do everything in my current namespace ("*" means all)
    kubectl auth can-i '*' '*'

    # Check to see if I can get the job named "bar" in namespace "foo"
    kubectl auth can-i list jobs.batch/bar -n foo

    # Check to see if I can read pod logs
    kubectl auth can-i get pods --subresource=log

    # Check to see if I can access the URL /logs/
    kubectl auth can-i get /logs/

    # Check to see if I can approve certificates.k8s.io
    kubectl auth can-i approve certificates.k8s.io

    # List all allowed actions in namespace "foo"
    kubectl auth can-i --list --namespace=foo`),
  completion: 'resource',
  flags: [
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', default: 'false', usage: 'If true, check the specified action in all namespaces.' },
    { name: 'list', type: 'bool', default: 'false', usage: 'If true, prints all allowed actions.' },
    { name: 'no-headers', type: 'bool', default: 'false', usage: 'If true, prints allowed actions without headers' },
    { name: 'quiet', shorthand: 'q', type: 'bool', default: 'false', usage: 'If true, suppress output and just return the exit code.' },
    { name: 'subresource', type: 'string', usage: 'SubResource such as pod/log or deployment/scale' },
  ],
  run: runCanI,
};

function runCanI(ctx: CommandContext): CommandResult {
  const f = ctx.flags;
  const list = f.bool('list');
  const all = f.bool('all-namespaces');
  const subresource = f.string('subresource');
  const warn = (text: string) => ctx.errOut(`Warning: ${text}\n`);
  if (list && ctx.args.length !== 0) return err.message('error: list option must be specified with no arguments');
  if (!list && ctx.args.length !== 2) return err.message("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
  const namespace = all ? '' : ctx.namespace;
  if (list) {
    if (f.bool('quiet') || all || subresource) return err.message("error: list option can't be specified with neither quiet, all-namespaces nor subresource options");
    return printRules(ctx, namespace);
  }
  const [verb, target] = ctx.args;
  let attributes: RequestAttributes;
  if (target.startsWith('/')) {
    if (subresource) return err.message('error: --subresource can not be used with NonResourceURL');
    if (!NON_RESOURCE_VERBS.has(verb)) warn(`verb '${verb}' is not a known verb`);
    attributes = { verb, path: target };
  } else {
    const slash = target.indexOf('/');
    const typeArg = (slash < 0 ? target : target.slice(0, slash)).toLowerCase();
    const name = slash < 0 ? undefined : target.slice(slash + 1);
    const { group, resource, namespaced } = resourceFor(ctx, typeArg, warn);
    if (!all && namespaced === false) warn(group ? `resource '${resource}' is not namespace scoped in group '${group}'` : `resource '${resource}' is not namespace scoped`);
    if (!RESOURCE_VERBS.has(verb)) warn(`verb '${verb}' is not a known verb`);
    attributes = { verb, apiGroup: group, resource, subresource: subresource || undefined, namespace: namespace || undefined, name };
  }
  if (f.bool('no-headers')) return err.message('error: --no-headers cannot be set without --list specified');
  const d = ctx.cluster.authorize(ctx.user, attributes);
  if (!f.bool('quiet')) ctx.out(d.allowed ? 'yes\n' : d.reason ? `no - ${d.reason}\n` : 'no\n');
  return d.allowed ? 0 : 1;
}

/** `resourceFor`: the group and resource a TYPE names (short names and `resource.group` resolved), or the word as given with a warning. */
function resourceFor(ctx: CommandContext, arg: string, warn: (t: string) => void): { group: string; resource: string; namespaced?: boolean } {
  if (arg === '*') return { group: '', resource: '*' };
  const info = ctx.cluster.resources.resolve(arg);
  if (info) return { group: info.group, resource: info.resource, namespaced: info.namespaced };
  // A group the server serves with no resource named (`approve certificates.k8s.io`), or an unknown type.
  const dot = arg.indexOf('.');
  const resource = dot < 0 ? arg : arg.slice(0, dot);
  const group = dot < 0 ? '' : arg.slice(dot + 1);
  if (!NON_STANDARD.has(arg)) warn(group ? `the server doesn't have a resource type '${resource}' in group '${group}'` : `the server doesn't have a resource type '${resource}'`);
  return { group: '', resource: arg };
}

/** `--list`: the rules that apply in the namespace, as kubectl breaks down, compacts and sorts them. */
function printRules(ctx: CommandContext, namespace: string): CommandResult {
  const rows = describedRules(ctx.cluster.rulesFor(ctx.user, namespace)).map((r) => [combineResourceGroup(r.resources, r.apiGroups), goSlice(r.nonResourceURLs), goSlice(r.resourceNames), goSlice(r.verbs)]);
  if (!ctx.flags.bool('no-headers')) rows.unshift(['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs']);
  ctx.out(tabwrite(rows));
  return 0;
}

export const whoamiCommand: CommandSpec = {
  path: ['auth', 'whoami'],
  use: 'whoami',
  short: 'Experimental: Check self subject attributes',
  // Upstream's template keeps the text's own indentation (as kubectl 1.32 prints it).
  long: [
    'Experimental: Check who you are and your attributes (groups, extra).',
    '',
    '        This command is helpful to get yourself aware of the current user attributes,',
    '        especially when dynamic authentication, e.g., token webhook, auth proxy, or OIDC provider,',
    '        is enabled in the Kubernetes cluster.',
  ].join('\n'),
  example: examples(`
    # Get your subject attributes
    kubectl auth whoami

    # Get your subject attributes in JSON format
    kubectl auth whoami -o json`),
  completion: 'none',
  flags: [outputFlag('json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file'), ...templateFlags],
  run: runWhoami,
};

/** A SelfSubjectReview of authentication.k8s.io/v1: the user as the API server sees it. */
function runWhoami(ctx: CommandContext): CommandResult {
  if (ctx.args.length > 0) return err.message(`error: unknown command "${ctx.args[0]}" for "kubectl auth whoami"`);
  const user = ctx.user;
  const output = ctx.flags.string('output');
  if (!output) {
    ctx.out(tabwrite([['ATTRIBUTE', 'VALUE'], ['Username', user.name], ...(user.groups.length > 0 ? [['Groups', goSlice(user.groups)]] : [])]));
    return 0;
  }
  const review = { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: new Date(ctx.cluster.now()).toISOString().replace(/\.\d+Z$/, 'Z') }, status: { userInfo: { username: user.name, groups: [...user.groups] } } };
  return printResponse(ctx, output, review, 'selfsubjectreview.authentication.k8s.io/');
}

export const authReconcileCommand: CommandSpec = {
  path: ['auth', 'reconcile'],
  use: 'reconcile -f FILENAME',
  short: 'Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects',
  flags: [],
  run: () => err.message('error: not simulated yet: kubectl auth reconcile (apply the RBAC objects with kubectl apply -f instead)'),
};

/** Every `kubectl auth` command, the parent first. */
export const AUTH_COMMANDS: readonly CommandSpec[] = [authCommand, canICommand, authReconcileCommand, whoamiCommand];
