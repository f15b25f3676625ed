import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { generatorFlags } from '../common';
import { createGenerated } from '../createObject';
import { err } from '../errors';
import { examples, longDesc } from '../text';
import { completeGeneratorName } from './completeGeneratorName';
import { asLabelSelector, parseToLabelSelector } from '../parseToLabelSelector';

/** `kubectl create poddisruptionbudget` (kubectl `pkg/cmd/create/create_pdb.go`). */
export const createPodDisruptionBudgetCommand: CommandSpec = {
  path: ['create', 'poddisruptionbudget'],
  use: 'poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none]',
  aliases: ['pdb'],
  short: 'Create a pod disruption budget with the specified name',
  long: longDesc(`
    Create a pod disruption budget with the specified name, selector, and desired minimum available pods.`),
  example: examples(`
    # Create a pod disruption budget named my-pdb that will select all pods with the app=rails label
    # and require at least one of them being available at any point in time
    kubectl create poddisruptionbudget my-pdb --selector=app=rails --min-available=1

    # Create a pod disruption budget named my-pdb that will select all pods with the app=nginx label
    # and require at least half of the pods selected to be available at any point in time
    kubectl create pdb my-pdb --selector=app=nginx --min-available=50%`),
  flags: [
    ...generatorFlags('kubectl-create'),
    { name: 'min-available', type: 'string', usage: 'The minimum number or percentage of available pods this budget requires.' },
    { name: 'max-unavailable', type: 'string', usage: 'The maximum number or percentage of unavailable pods this budget requires.' },
    { name: 'selector', type: 'string', usage: 'A label selector to use for this budget. Only equality-based selector requirements are supported.' },
  ],
  run: runCreatePodDisruptionBudget,
};

/** The options `Validate` checks, as the flags give them. */
export interface PodDisruptionBudgetOpts {
  name: string;
  minAvailable: string;
  maxUnavailable: string;
  selector: string;
}

/** `PodDisruptionBudgetOpts.Validate`: the first problem kubectl reports, if any. */
export function validatePodDisruptionBudgetOpts(o: PodDisruptionBudgetOpts): string | undefined {
  if (o.name === '') return 'name must be specified';
  if (o.selector === '') return 'a selector must be specified';
  if (o.maxUnavailable === '' && o.minAvailable === '') return 'one of min-available or max-unavailable must be specified';
  if (o.maxUnavailable !== '' && o.minAvailable !== '') return 'min-available and max-unavailable cannot be both specified';
  // Numbers and percentages (10, 30%), not quantities (10Gb).
  const re = /^[0-9]+%?$/;
  if (o.minAvailable !== '' && !re.test(o.minAvailable)) return 'invalid format specified for min-available';
  if (o.maxUnavailable !== '' && !re.test(o.maxUnavailable)) return 'invalid format specified for max-unavailable';
  return undefined;
}

/** `intstr.Parse`: an int32 when the text is one, the string otherwise (`50%`, `99999999999`). */
export function parseIntOrString(val: string): number | string {
  if (!/^[+-]?\d+$/.test(val)) return val;
  const n = Number(val);
  return n > 2147483647 || n < -2147483648 ? val : n;
}

/** `createPodDisruptionBudgets`: the object kubectl sends (status zeroed, as the Go struct prints), or the selector's parse error. */
export function createPodDisruptionBudget(o: PodDisruptionBudgetOpts, namespace: string | undefined): { object: KubeObject } | { error: string } {
  const selector = parseToLabelSelector(o.selector);
  if ('error' in selector) return selector;
  const spec: Record<string, unknown> = { selector: asLabelSelector(selector) };
  if (o.minAvailable !== '') spec.minAvailable = parseIntOrString(o.minAvailable);
  else if (o.maxUnavailable !== '') spec.maxUnavailable = parseIntOrString(o.maxUnavailable);
  const metadata: KubeObject['metadata'] = { creationTimestamp: null as unknown as string, name: o.name };
  if (namespace !== undefined) metadata.namespace = namespace;
  return { object: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata, spec, status: { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 } } };
}

function runCreatePodDisruptionBudget(ctx: CommandContext): CommandResult {
  const name = completeGeneratorName(ctx);
  if (typeof name !== 'string') return name;
  const o: PodDisruptionBudgetOpts = { name, minAvailable: ctx.flags.string('min-available'), maxUnavailable: ctx.flags.string('max-unavailable'), selector: ctx.flags.string('selector') };
  const invalid = validatePodDisruptionBudgetOpts(o);
  if (invalid) return err.message(invalid);
  const pdb = createPodDisruptionBudget(o, ctx.explicitNamespace ? ctx.namespace : undefined);
  if ('error' in pdb) return err.message(pdb.error);
  return createGenerated(ctx, pdb.object, { failurePrefix: 'failed to create poddisruptionbudgets' });
}
