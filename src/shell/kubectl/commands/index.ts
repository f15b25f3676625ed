import { attachCommand } from './attach';
import { kustomizeCommand } from './kustomize';
import { execCommand } from './exec';
import { logsCommand } from './logs';
import { autoscaleCommand } from './autoscale';
import { topCommand, topNodeCommand, topPodCommand } from './top';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { err } from '../errors';
import type { HelpGroup } from '../help';
import { longDesc } from '../text';
import { annotateCommand } from './annotate';
import { apiResourcesCommand, apiVersionsCommand } from './apiResources';
import { applyCommand } from './apply';
import { applyEditLastAppliedCommand } from './applyEditLastApplied';
import { applySetLastAppliedCommand } from './applySetLastApplied';
import { applyViewLastAppliedCommand } from './applyViewLastApplied';
import { cordonCommand, uncordonCommand } from './cordon';
import { createCommand } from './create';
import { createConfigMapCommand } from './createConfigMap';
import { createCronJobCommand } from './createCronJob';
import { createDeploymentCommand } from './createDeployment';
import { createJobCommand } from './createJob';
import { createServiceAccountCommand } from './createServiceAccount';
import { createTokenCommand } from './createToken';
import { createIngressCommand } from './createIngress';
import { createNamespaceCommand } from './createNamespace';
import { createPodDisruptionBudgetCommand } from './createPodDisruptionBudget';
import { createPriorityClassCommand } from './createPriorityClass';
import { createQuotaCommand } from './createQuota';
import { createClusterRoleCommand } from './createClusterRole';
import { createClusterRoleBindingCommand } from './createClusterRoleBinding';
import { createRoleCommand } from './createRole';
import { createRoleBindingCommand } from './createRoleBinding';
import { createSecretCommand, createSecretDockerRegistryCommand, createSecretGenericCommand, createSecretTLSCommand } from './createSecret';
import { createServiceClusterIPCommand, createServiceCommand, createServiceExternalNameCommand, createServiceLoadBalancerCommand, createServiceNodePortCommand } from './createService';
import { deleteCommand } from './delete';
import { describeCommand } from './describe';
import { drainCommand } from './drain';
import { editCommand } from './edit';
import { eventsCommand } from './events';
import { taintCommand } from './taint';
import { explainCommand } from './explain';
import { exposeCommand } from './expose';
import { getCommand } from './get';
import { labelCommand } from './label';
import { patchCommand } from './patch';
import { replaceCommand } from './replace';
import { diffCommand } from './diff';
import { waitCommand } from './wait';
import { defaultSubCommandRun } from './parent';
import { portForwardCommand } from './portForward';
import { proxyCommand } from './proxy';
import { AUTH_COMMANDS } from './auth';
import { cpCommand } from './cp';
import { debugCommand } from './debug';
import { clusterInfoCommand, clusterInfoDumpCommand } from './clusterInfo';
import { CONFIG_COMMANDS } from './config';
import { rolloutCommand } from './rollout';
import { rolloutHistoryCommand } from './rolloutHistory';
import { rolloutPauseCommand, rolloutResumeCommand } from './rolloutPause';
import { rolloutRestartCommand } from './rolloutRestart';
import { rolloutStatusCommand } from './rolloutStatus';
import { rolloutUndoCommand } from './rolloutUndo';
import { runCommand } from './run';
import { scaleCommand } from './scale';
import { setCommand } from './set';
import { setEnvCommand } from './setEnv';
import { setImageCommand } from './setImage';
import { setResourcesCommand } from './setResources';
import { setSelectorCommand } from './setSelector';
import { setServiceAccountCommand } from './setServiceAccount';
import { setSubjectCommand } from './setSubject';
import { versionCommand } from './version';

/** `kubectl` itself. */
export const ROOT: CommandSpec = {
  path: [],
  use: 'kubectl',
  short: 'kubectl controls the Kubernetes cluster manager',
  long: longDesc(`
    kubectl controls the Kubernetes cluster manager.

    Find more information at:
          https://kubernetes.io/docs/reference/kubectl/`),
  flags: [],
  run: () => 0,
};

function notSimulated(path: string, short: string): CommandSpec {
  return {
    path: [path],
    use: path,
    short,
    flags: [],
    run: (ctx: CommandContext): CommandResult => err.message(`not simulated yet: "kubectl ${path}" is not part of the playground (yet)${ctx.args.length ? '' : ''}`),
  };
}

const stub = {
  certificate: notSimulated('certificate', 'Modify certificate resources'),
  completion: notSimulated('completion', 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)'),
  plugin: notSimulated('plugin', 'Provides utilities for interacting with plugins'),
};

const optionsCommand: CommandSpec = {
  path: ['options'],
  use: 'options',
  short: 'Print the list of flags inherited by all commands',
  long: longDesc(`
    Print the list of flags inherited by all commands`),
  flags: [],
  run: () => 0,
};

const helpCommand: CommandSpec = {
  path: ['help'],
  use: 'help [command]',
  short: 'Help about any command',
  long: 'Help provides help for any command in the application.\nSimply type kubectl help [path to command] for full details.',
  flagsInUseLine: true,
  flags: [],
  run: () => 0,
};

/** Every command, parents before children (help and tab completion read this list). */
export const COMMANDS: readonly CommandSpec[] = [
  createCommand,
  createConfigMapCommand,
  createCronJobCommand,
  createDeploymentCommand,
  createIngressCommand,
  createJobCommand,
  createNamespaceCommand,
  createPodDisruptionBudgetCommand,
  createPriorityClassCommand,
  createQuotaCommand,
  createRoleCommand, createClusterRoleCommand, createRoleBindingCommand, createClusterRoleBindingCommand,
  createSecretCommand,
  createSecretDockerRegistryCommand,
  createSecretGenericCommand,
  createSecretTLSCommand,
  createServiceAccountCommand,
  createTokenCommand,
  createServiceCommand,
  createServiceClusterIPCommand,
  createServiceExternalNameCommand,
  createServiceLoadBalancerCommand,
  createServiceNodePortCommand,
  exposeCommand,
  runCommand,
  setCommand,
  setEnvCommand,
  setImageCommand,
  setResourcesCommand,
  setSelectorCommand,
  setServiceAccountCommand,
  setSubjectCommand,
  explainCommand,
  getCommand,
  editCommand,
  deleteCommand,
  rolloutCommand,
  rolloutHistoryCommand,
  rolloutPauseCommand,
  rolloutRestartCommand,
  rolloutResumeCommand,
  rolloutStatusCommand,
  rolloutUndoCommand,
  scaleCommand,
  autoscaleCommand,
  stub.certificate,
  clusterInfoCommand,
  clusterInfoDumpCommand,
  topCommand,
  topNodeCommand,
  topPodCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  taintCommand,
  describeCommand,
  logsCommand,
  attachCommand,
  execCommand,
  portForwardCommand,
  proxyCommand,
  cpCommand,
  ...AUTH_COMMANDS,
  debugCommand,
  eventsCommand,
  diffCommand,
  applyCommand,
  applyEditLastAppliedCommand,
  applySetLastAppliedCommand,
  applyViewLastAppliedCommand,
  patchCommand,
  replaceCommand,
  waitCommand,
  kustomizeCommand,
  labelCommand,
  annotateCommand,
  stub.completion,
  apiResourcesCommand,
  apiVersionsCommand,
  ...CONFIG_COMMANDS,
  stub.plugin,
  versionCommand,
  optionsCommand,
  helpCommand,
];

/** Direct subcommands of `cmd`, in registry order (root: sorted by name, as cobra lists them). */
export function childrenOf(cmd: CommandSpec): CommandSpec[] {
  const depth = cmd.path.length;
  const kids = COMMANDS.filter((c) => c.path.length === depth + 1 && cmd.path.every((p, i) => c.path[i] === p));
  return depth === 0 ? kids : [...kids].sort((a, b) => (a.path[depth] < b.path[depth] ? -1 : 1));
}

const byName = (name: string): CommandSpec => COMMANDS.find((c) => c.path.length === 1 && c.path[0] === name)!;

/** The groups `kubectl --help` prints (kubectl `pkg/cmd/cmd.go`). */
export const ROOT_GROUPS: readonly HelpGroup[] = [
  { message: 'Basic Commands (Beginner):', commands: ['create', 'expose', 'run', 'set'].map(byName) },
  { message: 'Basic Commands (Intermediate):', commands: ['explain', 'get', 'edit', 'delete'].map(byName) },
  { message: 'Deploy Commands:', commands: ['rollout', 'scale', 'autoscale'].map(byName) },
  { message: 'Cluster Management Commands:', commands: ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint'].map(byName) },
  { message: 'Troubleshooting and Debugging Commands:', commands: ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events'].map(byName) },
  { message: 'Advanced Commands:', commands: ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize'].map(byName) },
  { message: 'Settings Commands:', commands: ['label', 'annotate', 'completion'].map(byName) },
  { message: 'Subcommands provided by plugins:', commands: [] },
  { message: 'Other Commands:', commands: ['api-resources', 'api-versions', 'config', 'plugin', 'version'].map(byName) },
];

export { defaultSubCommandRun };
