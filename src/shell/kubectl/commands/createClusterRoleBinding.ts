import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { generatorFlags } from '../common';
import { createGenerated } from '../createObject';
import { err } from '../errors';
import { examples, longDesc } from '../text';
import { completeName } from './createRole';
import { bindingSubjects, subjectFlags } from './createRoleBinding';

/** `kubectl create clusterrolebinding` (kubectl `pkg/cmd/create/create_clusterrolebinding.go`). */
export const createClusterRoleBindingCommand: CommandSpec = {
  path: ['create', 'clusterrolebinding'],
  use: 'clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]',
  short: 'Create a cluster role binding for a particular cluster role',
  long: longDesc(`
    Create a cluster role binding for a particular cluster role.`),
  example: examples(`
    # Create a cluster role binding for user1, user2, and group1 using the cluster-admin cluster role
    kubectl create clusterrolebinding cluster-admin --clusterrole=cluster-admin --user=user1 --user=user2 --group=group1`),
  flags: [...generatorFlags('kubectl-create'), { name: 'clusterrole', type: 'string', required: true, usage: 'ClusterRole this ClusterRoleBinding should reference' }, ...subjectFlags('clusterrole')],
  run: runCreateClusterRoleBinding,
};

function runCreateClusterRoleBinding(ctx: CommandContext): CommandResult {
  // cobra checks MarkFlagRequired before the command runs.
  const name = completeName(ctx);
  if (typeof name !== 'string') return name;
  const subjects = bindingSubjects(ctx);
  if (typeof subjects === 'string') return err.message(subjects);
  const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: ctx.flags.string('clusterrole') };
  const binding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { creationTimestamp: null as unknown as string, name },
    roleRef,
    ...(subjects.length ? { subjects } : {}),
  };
  return createGenerated(ctx, binding, { failurePrefix: 'failed to create clusterrolebinding' });
}
