import type { Subject } from 'kubernetes-types/rbac/v1';
import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { generatorFlags } from '../common';
import { createGenerated } from '../createObject';
import { err } from '../errors';
import type { FlagSpec } from '../flags';
import { examples, longDesc } from '../text';
import { completeName } from './createRole';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** `--user`, `--group`, `--serviceaccount` (string arrays: a comma stays in the name), worded for what they bind to. */
export function subjectFlags(target: string): FlagSpec[] {
  return [
    { name: 'group', type: 'stringArray', usage: `Groups to bind to the ${target}. The flag can be repeated to add multiple groups.` },
    { name: 'serviceaccount', type: 'stringArray', usage: `Service accounts to bind to the ${target}, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.` },
    { name: 'user', type: 'stringArray', usage: `Usernames to bind to the ${target}. The flag can be repeated to add multiple users.` },
  ];
}

/** The subjects of a binding: users, then groups, then service accounts (`<namespace>:<name>`), or the error sentence. */
export function bindingSubjects(ctx: CommandContext): Subject[] | string {
  const subjects: Subject[] = [];
  for (const name of ctx.flags.list('user')) subjects.push({ apiGroup: RBAC_GROUP, kind: 'User', name });
  for (const name of ctx.flags.list('group')) subjects.push({ apiGroup: RBAC_GROUP, kind: 'Group', name });
  for (const sa of ctx.flags.list('serviceaccount')) {
    const tokens = sa.split(':');
    if (tokens.length !== 2 || tokens[0] === '' || tokens[1] === '') return 'serviceaccount must be <namespace>:<name>';
    subjects.push({ kind: 'ServiceAccount', name: tokens[1], namespace: tokens[0] });
  }
  return subjects;
}

/** `kubectl create rolebinding` (kubectl `pkg/cmd/create/create_rolebinding.go`). */
export const createRoleBindingCommand: CommandSpec = {
  path: ['create', 'rolebinding'],
  use: 'rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]',
  short: 'Create a role binding for a particular role or cluster role',
  long: longDesc(`
    Create a role binding for a particular role or cluster role.`),
  example: examples(`
    # Create a role binding for user1, user2, and group1 using the admin cluster role
    kubectl create rolebinding admin --clusterrole=admin --user=user1 --user=user2 --group=group1

    # Create a role binding for service account monitoring:sa-dev using the admin role
    kubectl create rolebinding admin-binding --role=admin --serviceaccount=monitoring:sa-dev`),
  flags: [
    ...generatorFlags('kubectl-create'),
    { name: 'clusterrole', type: 'string', usage: 'ClusterRole this RoleBinding should reference' },
    { name: 'role', type: 'string', usage: 'Role this RoleBinding should reference' },
    ...subjectFlags('role'),
  ],
  run: runCreateRoleBinding,
};

function runCreateRoleBinding(ctx: CommandContext): CommandResult {
  const name = completeName(ctx);
  if (typeof name !== 'string') return name;
  if (name === '') return err.message('name must be specified');
  const role = ctx.flags.string('role');
  const clusterRole = ctx.flags.string('clusterrole');
  if ((role === '') === (clusterRole === '')) return err.message('exactly one of clusterrole or role must be specified');
  const subjects = bindingSubjects(ctx);
  if (typeof subjects === 'string') return err.message(subjects);
  const metadata: KubeObject['metadata'] = { creationTimestamp: null as unknown as string, name };
  if (ctx.explicitNamespace) metadata.namespace = ctx.namespace;
  const roleRef = role ? { apiGroup: RBAC_GROUP, kind: 'Role', name: role } : { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: clusterRole };
  const binding: KubeObject = { apiVersion: `${RBAC_GROUP}/v1`, kind: 'RoleBinding', metadata, roleRef, ...(subjects.length ? { subjects } : {}) };
  return createGenerated(ctx, binding, { failurePrefix: 'failed to create rolebinding' });
}
