import type { Shell } from '../shell/types';
import { stripAnsi } from './transcript';
import type { SwarmSnapshot } from './types';

/** A selected swarm object: a node, a task or a service, by ID. */
export interface SwarmRef {
  readonly kind: 'node' | 'task' | 'service';
  readonly id: string;
}

/** One read-only docker command and what it printed. */
export interface SwarmReading {
  readonly command: string;
  readonly output: string | undefined;
}

/** What the swarm panel shows for the selection: its name and the docker commands that show it. */
export interface SwarmInspectorData {
  readonly ref: SwarmRef;
  readonly exists: boolean;
  /** Hostname, service name, or the task's name (`web.2`). */
  readonly name: string;
  /** `docker node inspect --pretty`, `docker service inspect --pretty`, or the task's service's `docker service ps`. */
  readonly readings: readonly SwarmReading[];
}

/** The name the panel and the commands use for a swarm object. */
export function swarmName(swarm: SwarmSnapshot | undefined, ref: SwarmRef): string | undefined {
  if (!swarm) return undefined;
  if (ref.kind === 'node') return swarm.nodes.find((n) => n.id === ref.id)?.description.hostname;
  if (ref.kind === 'service') return swarm.services.find((s) => s.id === ref.id)?.spec.name;
  const task = swarm.tasks.find((t) => t.id === ref.id);
  return task ? (task.slot > 0 ? `${task.spec.name}.${task.slot}` : `${task.spec.name}.${task.nodeId}`) : undefined;
}

/** The commands that show a swarm object, as a learner would type them. */
function commandsFor(swarm: SwarmSnapshot, ref: SwarmRef, name: string): string[] {
  if (ref.kind === 'node') return [`docker node inspect --pretty ${name}`, `docker node ps ${name}`];
  if (ref.kind === 'service') return [`docker service inspect --pretty ${name}`, `docker service ps ${name}`];
  const task = swarm.tasks.find((t) => t.id === ref.id);
  const service = swarm.services.find((s) => s.id === task?.serviceId)?.spec.name;
  return service ? [`docker service ps ${service}`] : [];
}

/**
 * Reads a swarm object through the shell's docker printers (run as typed,
 * but neither echoed nor logged: they read and change nothing).
 */
export function inspectSwarm(shell: Shell | undefined, swarm: SwarmSnapshot | undefined, ref: SwarmRef): SwarmInspectorData {
  const name = swarmName(swarm, ref);
  if (!swarm || name === undefined) return { ref, exists: false, name: '', readings: [] };
  return { ref, exists: true, name, readings: commandsFor(swarm, ref, name).map((command) => ({ command, output: shell ? read(shell, command) : undefined })) };
}

function read(shell: Shell, line: string): string {
  let text = '';
  const sink = { stdout: (t: string) => (text += t), stderr: (t: string) => (text += t) };
  try {
    const execution = shell.run(line, sink);
    if (!execution.done) execution.cancel();
  } catch (err) {
    return `error: ${err instanceof Error ? err.message : String(err)}`;
  }
  return stripAnsi(text);
}
