import { flat } from '../../../lib/flat';
import { EphemeralContainerRuntime, ephemeralFieldPath } from './ephemeral';
import type { ContainerRuntime } from './runtime';

/** The event field path of container `c`. */
export function fieldPathOf(c: ContainerRuntime): string {
  return c instanceof EphemeralContainerRuntime ? ephemeralFieldPath(c.name) : containerFieldPath(c.name, c.init);
}

const fieldPaths = new Map<string, string>();
/** The app container name asked for last and its path (a pod's events come in a row, and the pods of a workload name their containers alike). */
let lastName: string | undefined;
let lastPath = '';

/** `spec.containers{name}`, the event field path of a container (shared strings: few distinct names). */
function containerFieldPath(name: string, init = false): string {
  if (name === lastName && !init) return lastPath;
  const k = init ? `init:${name}` : name;
  let p = fieldPaths.get(k);
  if (p === undefined) {
    p = flat(init ? `spec.initContainers{${name}}` : `spec.containers{${name}}`);
    if (fieldPaths.size < 10_000) fieldPaths.set(k, p);
  }
  if (!init) {
    lastName = name;
    lastPath = p;
  }
  return p;
}
