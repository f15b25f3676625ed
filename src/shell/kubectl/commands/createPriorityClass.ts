import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { generatorFlags } from '../common';
import { createGenerated } from '../createObject';
import { examples, longDesc } from '../text';
import { completeGeneratorName } from './completeGeneratorName';

/** `kubectl create priorityclass` (kubectl `pkg/cmd/create/create_priorityclass.go`). */
export const createPriorityClassCommand: CommandSpec = {
  path: ['create', 'priorityclass'],
  use: 'priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none]',
  aliases: ['pc'],
  short: 'Create a priority class with the specified name',
  long: longDesc(`
    Create a priority class with the specified name, value, globalDefault and description.`),
  example: examples(`
    # Create a priority class named high-priority
    kubectl create priorityclass high-priority --value=1000 --description="high priority"

    # Create a priority class named default-priority that is considered as the global default priority
    kubectl create priorityclass default-priority --value=1000 --global-default=true --description="default priority"

    # Create a priority class named high-priority that cannot preempt pods with lower priority
    kubectl create priorityclass high-priority --value=1000 --description="high priority" --preemption-policy="Never"`),
  flags: [
    ...generatorFlags('kubectl-create'),
    { name: 'value', type: 'int32', default: '0', usage: 'the value of this priority class.' },
    { name: 'global-default', type: 'bool', usage: 'global-default specifies whether this PriorityClass should be considered as the default priority.' },
    { name: 'description', type: 'string', usage: 'description is an arbitrary string that usually provides guidelines on when this priority class should be used.' },
    { name: 'preemption-policy', type: 'string', default: 'PreemptLowerPriority', usage: 'preemption-policy is the policy for preempting pods with lower priority.' },
  ],
  run: runCreatePriorityClass,
};

/** The options `createPriorityClass` reads. */
export interface PriorityClassOptions {
  name: string;
  value: number;
  globalDefault: boolean;
  description: string;
  preemptionPolicy: string;
}

/**
 * `createPriorityClass`: the object kubectl sends. kubectl checks nothing
 * itself (not even an empty name or an unknown policy); the API server does.
 */
export function createPriorityClass(o: PriorityClassOptions): KubeObject {
  const metadata: KubeObject['metadata'] = { creationTimestamp: null as unknown as string, name: o.name };
  if (o.name === '') delete (metadata as { name?: string }).name;
  const pc: KubeObject & Record<string, unknown> = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata, value: o.value, preemptionPolicy: o.preemptionPolicy };
  if (o.globalDefault) pc.globalDefault = true;
  if (o.description !== '') pc.description = o.description;
  return pc;
}

function runCreatePriorityClass(ctx: CommandContext): CommandResult {
  const name = completeGeneratorName(ctx);
  if (typeof name !== 'string') return name;
  const pc = createPriorityClass({
    name,
    value: ctx.flags.int('value'),
    globalDefault: ctx.flags.bool('global-default'),
    description: ctx.flags.string('description'),
    preemptionPolicy: ctx.flags.string('preemption-policy'),
  });
  return createGenerated(ctx, pc, { failurePrefix: 'failed to create priorityclass' });
}
