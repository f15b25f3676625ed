import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext } from '../command';
import { dryRunSuffix, objectRef, outputFormat, printContext, type DryRun } from '../common';
import { deepCopy } from '../deepCopy';
import { err, type KubectlError } from '../errors';
import { podSpecOf, type ContainerLike } from '../podSpec';
import { isTable, printObjects } from '../printerApi';
import type { Target } from '../targets';
import { infoObjectName } from './setObjects';

/** A pod spec as `UpdatePodSpecForObject` hands it to a `set` command. */
export interface PodSpecLike {
  containers?: ContainerLike[];
  initContainers?: ContainerLike[];
}

/** What one `set` command does to every object's pod spec (`CalculatePatches` then `Patch`). */
export interface PodSpecUpdate {
  /** The printer's operation: `env updated`, `resource requirements updated`. */
  operation: string;
  /** Prefix of a failed write: `failed to patch env update to pod template:`. */
  failure: string;
  dry: DryRun;
  /** `--local`: the objects come from files and nothing is sent; the result is printed as is. */
  local?: boolean;
  /** Changes the copy's pod spec in place; an error message fails this object only. */
  mutate(spec: PodSpecLike, target: Target): string | undefined;
}

/**
 * `path.Match(selector, name)` for container selectors (`-c`): `*` and `?`
 * wildcards, `[...]` classes.
 */
export function selectContainers(containers: readonly ContainerLike[] | undefined, selector: string): ContainerLike[] {
  const re = new RegExp(`^${selector.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
  return (containers ?? []).filter((c) => re.test(c.name));
}

/**
 * Applies `update` to each target's pod spec and writes the objects that
 * changed, printing `<kind>/<name> <operation>`; unchanged objects print
 * nothing (kubectl skips an empty patch). Returns the errors, in kubectl's words.
 */
export function updatePodSpecs(ctx: CommandContext, targets: readonly Target[], update: PodSpecUpdate): KubectlError[] {
  const errors: KubectlError[] = [];
  const format = outputFormat(ctx);
  if ('error' in format) return [err.message(format.error)];
  for (const target of targets) {
    const { info, obj } = target;
    const name = infoObjectName(info, obj.metadata.name, update.local === true);
    const copy = deepCopy(obj);
    const spec = podSpecOf(copy);
    if (!spec) {
      errors.push(err.message(`error: ${name} the object is not a pod or does not have a pod template: *v1.${info.kind}\n`));
      continue;
    }
    const problem = update.mutate(spec, { info, obj: copy });
    if (problem) {
      errors.push(err.message(`error: ${name} ${problem}\n`));
      continue;
    }
    if (JSON.stringify(copy) === JSON.stringify(obj)) continue;
    let result: KubeObject = copy;
    if (update.dry !== 'client' && !update.local) {
      const r = ctx.client.update(copy, { dryRun: update.dry === 'server' });
      if (!r.ok) {
        errors.push(err.message(`${update.failure} ${r.status.message}`));
        continue;
      }
      ctx.cluster.runUntilIdle();
      result = r.object;
    }
    if (!isTable(format)) {
      const printed = printObjects(format, [result], { asList: false }, printContext(ctx));
      if ('error' in printed) errors.push(err.message(printed.error));
      else ctx.out(printed.text);
    } else ctx.out(`${objectRef(info, obj.metadata.name)} ${update.operation}${dryRunSuffix(update.dry)}\n`);
  }
  return errors;
}
