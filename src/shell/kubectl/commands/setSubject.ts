import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, dryRunStrategy, fieldManagerFlag, filenameFlags, outputFlag, selectorFlag, templateFlags } from '../common';
import { deepCopy } from '../deepCopy';
import { err, errorString, type KubectlError } from '../errors';
import { resolveTargets } from '../targets';
import { examples, longDesc } from '../text';
import { LOCAL_RESOURCE_ERROR, aggregateResult, infoObjectName, localTargets, mutationOutputFormat, writeAndPrint, LOCAL_SERVER_DRY_RUN } from './setObjects';

/** `kubectl set subject` (kubectl `pkg/cmd/set/set_subject.go`). */
export const setSubjectCommand: CommandSpec = {
  path: ['set', 'subject'],
  use: 'subject (-f FILENAME | TYPE NAME) [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]',
  short: 'Update the user, group, or service account in a role binding or cluster role binding',
  long: longDesc(`
    Update the user, group, or service account in a role binding or cluster role binding.`),
  example: examples(`
    # Update a cluster role binding for serviceaccount1
    kubectl set subject clusterrolebinding admin --serviceaccount=namespace:serviceaccount1

    # Update a role binding for user1, user2, and group1
    kubectl set subject rolebinding admin --user=user1 --user=user2 --group=group1

    # Print the result (in YAML format) of updating rolebinding subjects from a local, without hitting the server
    kubectl create rolebinding admin --role=admin --user=admin -o yaml --dry-run=client | kubectl set subject --local -f - --user=foo -o yaml`),
  completion: 'resource',
  flags: [
    { name: 'all', type: 'bool', usage: 'Select all resources, in the namespace of the specified resource types' },
    dryRunFlag,
    fieldManagerFlag('kubectl-set'),
    ...filenameFlags('the resource to update the subjects'),
    { name: 'group', type: 'stringArray', default: '[]', usage: 'Groups to bind to the role' },
    { name: 'local', type: 'bool', usage: 'If true, set subject will NOT contact api-server but run locally.' },
    outputFlag('json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file'),
    selectorFlag,
    { name: 'serviceaccount', type: 'stringArray', default: '[]', usage: 'Service accounts to bind to the role' },
    ...templateFlags,
    { name: 'user', type: 'stringArray', default: '[]', usage: 'Usernames to bind to the role' },
  ],
  run: runSetSubject,
};

/** An `rbacv1.Subject`, keys in the order they print. */
export interface Subject {
  apiGroup?: string;
  kind: string;
  name: string;
  namespace?: string;
}

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const sameSubject = (a: Subject, b: Subject) => (a.apiGroup ?? '') === (b.apiGroup ?? '') && a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
const sortedSet = (values: readonly string[]) => [...new Set(values)].sort();

/** The subjects the flags name: users, then groups, then service accounts, each sorted and unique (`sets.NewString(…).List()`). */
export function subjectsFromFlags(users: readonly string[], groups: readonly string[], serviceAccounts: readonly string[], namespace: string): Subject[] {
  return [
    ...sortedSet(users).map((name) => ({ apiGroup: RBAC_GROUP, kind: 'User', name })),
    ...sortedSet(groups).map((name) => ({ apiGroup: RBAC_GROUP, kind: 'Group', name })),
    ...sortedSet(serviceAccounts).map((sa) => {
      const [ns, name] = sa.split(':');
      return { kind: 'ServiceAccount', name, namespace: ns || namespace };
    }),
  ];
}

/** `addSubjects`: appends the subjects the binding does not have yet; undefined when there are none. */
export function addSubjects(existing: readonly Subject[], targets: readonly Subject[]): Subject[] | undefined {
  const added = targets.filter((t) => !existing.some((e) => sameSubject(e, t)));
  return added.length ? [...existing, ...added] : undefined;
}

/** Complete (the builder's errors stop the command), Validate, then Run. */
function runSetSubject(ctx: CommandContext): CommandResult {
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const printer = mutationOutputFormat(ctx);
  if (!('format' in printer)) return printer;
  const local = ctx.flags.bool('local');
  if (local && ctx.args.length > 0) return err.message(LOCAL_RESOURCE_ERROR);
  const resolved = local ? localTargets(ctx) : resolveTargets(ctx, ctx.args, { selector: true, all: true });
  if ('type' in resolved) return resolved;
  if (resolved.errors.length) return aggregateResult(resolved.errors);
  if (local && dry === 'server') return err.message(LOCAL_SERVER_DRY_RUN);
  if (ctx.flags.bool('all') && ctx.flags.string('selector')) return err.message('cannot set --all and --selector at the same time');
  const users = ctx.flags.list('user');
  const groups = ctx.flags.list('group');
  const serviceAccounts = ctx.flags.list('serviceaccount');
  if (users.length === 0 && groups.length === 0 && serviceAccounts.length === 0) return err.message('you must specify at least one value of user, group or serviceaccount');
  for (const sa of serviceAccounts) {
    const tokens = sa.split(':');
    if (tokens.length !== 2 || tokens[1] === '') return err.message('serviceaccount must be <namespace>:<name>');
    if (tokens[0] === '' && resolved.targets.some((t) => t.info.kind === 'ClusterRoleBinding' && t.info.group === RBAC_GROUP)) {
      return err.message('serviceaccount must be <namespace>:<name>, namespace must be specified');
    }
  }
  const subjects = subjectsFromFlags(users, groups, serviceAccounts, ctx.namespace);
  const errors: KubectlError[] = [];
  for (const { info, obj } of resolved.targets) {
    if ((info.kind !== 'RoleBinding' && info.kind !== 'ClusterRoleBinding') || info.group !== RBAC_GROUP) {
      errors.push(err.message(`error: ${infoObjectName(info, obj.metadata.name, local)} setting subjects is only supported for RoleBinding/ClusterRoleBinding\n`));
      continue;
    }
    const copy = deepCopy(obj) as typeof obj & { subjects?: Subject[] };
    const updated = addSubjects(copy.subjects ?? [], subjects);
    // No change, no patch: kubectl says nothing about this binding.
    if (!updated) continue;
    copy.subjects = updated;
    const failed = writeAndPrint(ctx, info, obj, copy, {
      dry,
      local,
      format: printer.format,
      operation: 'subjects updated',
      failure: (e) => err.message(`failed to patch subjects to rolebinding: ${errorString(e)}`),
    });
    if (failed) errors.push(failed);
  }
  return aggregateResult(errors);
}
