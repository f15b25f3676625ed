import { isTaskDirty, stateIndex, type Swarm, type SwarmService, type SwarmTask, type TaskState } from '../../sim/swarm/index';
import { WaitingExecution } from '../execution';
import type { Execution, OutputSink } from '../types';
import type { ClockSource } from './swarmHost';

/**
 * The convergence display of `service create|update|scale|rollback`
 * without `-d`, following docker/cli `service/progress/progress.go`: each
 * poll reads the service and its up-to-date tasks and rewrites lines keyed by
 * ID (`overall progress`, `1/3`, `rollback`, `verify`) in the order they
 * first appeared, as the terminal shows them; once every slot runs, it waits
 * the monitor period (`verify: Waiting N seconds…`, or `Detected task
 * failure`). When the command ends, the final state of that block is
 * printed. A paused update ends with `service update paused: …`.
 */

const NUMBERED: Partial<Record<TaskState, number>> = { new: 1, allocated: 2, pending: 3, assigned: 4, accepted: 5, preparing: 6, ready: 7, starting: 8, running: 9 };
const MAX_PROGRESS = 9;
const LONGEST_STATE = 9;
const MAX_BARS = 20;

const terminal = (s: TaskState) => stateIndex(s) > stateIndex('running');

/** jsonmessage's bar for Current/Total with counts hidden (a terminal wider than 110 columns): `[====>     ] `. */
function bar(current: number): string {
  const pct = Math.min(50, Math.floor(Math.floor((current / MAX_PROGRESS) * 100) / 2));
  return `[${'='.repeat(pct)}>${' '.repeat(50 - pct)}] `;
}

function truncError(err: string): string {
  const e = err.replace(/\n/g, ' ');
  return e.length > 75 ? `${e.slice(0, 74)}…` : e;
}

/** The CLI's `tasksBySlot`/`tasksByNode`: per key, the task with the lowest desired state, then the lowest observed state. */
function pickTasks(tasks: readonly SwarmTask[], keyOf: (t: SwarmTask) => string, active: ReadonlySet<string>): Map<string, SwarmTask> {
  const out = new Map<string, SwarmTask>();
  for (const t of tasks) {
    const d = NUMBERED[t.desiredState] ?? 0;
    const s = NUMBERED[t.status.state] ?? 0;
    if (d === 0 || s === 0) continue;
    const k = keyOf(t);
    const e = out.get(k);
    if (e) {
      const ed = NUMBERED[e.desiredState]!;
      if (ed < d) continue;
      if (ed === d && NUMBERED[e.status.state]! <= s) continue;
    }
    if (t.nodeId && !active.has(t.nodeId)) continue;
    out.set(k, t);
  }
  return out;
}

export interface ProgressOptions {
  /** The service ID or name the user gave (the CLI resolves it; used in error text). */
  ref?: string;
}

export function waitForConvergence(clock: ClockSource, getSwarm: () => Swarm, serviceId: string, sink: OutputSink, _options: ProgressOptions = {}): Execution {
  const lines = new Map<string, string>();
  const put = (id: string, text: string) => lines.set(id, `${id}: ${text}`);
  const action = (id: string, text: string) => put(id, `${text} `);
  const flush = () => sink.stdout([...lines.values()].map((l) => `${l}\n`).join(''));
  let initialized = false;
  let done = false;
  let converged = false;
  let convergedAt: number | undefined;
  let rollback = false;
  let message: string | undefined;
  const slotMap = new Map<number, number>();

  const overall = (n: number, d: number) => action('overall progress', rollback ? `rolling back update: ${n} out of ${d} tasks` : `${n} out of ${d} tasks`);
  const taskLine = (id: string, t: SwarmTask) => {
    if (t.status.err) action(id, truncError(t.status.err));
    else if (!terminal(t.desiredState) && !terminal(t.status.state)) put(id, `${t.status.state.padEnd(LONGEST_STATE)} ${bar(NUMBERED[t.status.state] ?? 0)}`);
  };

  function update(swarm: Swarm, service: SwarmService): boolean {
    const active = new Set(swarm.nodes().filter((n) => n.status.state !== 'down').map((n) => n.id));
    const tasks = swarm.tasks({ serviceId: service.id }).filter((t) => !isTaskDirty(service, t));
    if ('replicated' in service.spec.mode) {
      const replicas = service.spec.mode.replicated.replicas;
      if (!initialized) {
        overall(0, replicas);
        if (replicas <= MAX_BARS) for (let i = 1; i <= replicas; i++) action(`${i}/${replicas}`, ' ');
        initialized = true;
      }
      const bySlot = pickTasks(tasks, (t) => String(t.slot), active);
      if (done && [...bySlot.values()].some((t) => t.status.state !== 'running')) done = false;
      let running = 0;
      for (const t of [...bySlot.values()].sort((a, b) => a.slot - b.slot)) {
        let mapped = slotMap.get(t.slot);
        if (mapped === undefined) slotMap.set(t.slot, (mapped = slotMap.size + 1));
        if (!terminal(t.desiredState) && t.status.state === 'running') running++;
        if (!done && replicas <= MAX_BARS && mapped <= replicas) taskLine(`${mapped}/${replicas}`, t);
      }
      if (!done) {
        overall(running, replicas);
        if (running === replicas) done = true;
      }
      return running === replicas;
    }
    const byNode = pickTasks(tasks, (t) => t.nodeId, new Set([...active, '']));
    const count = byNode.size;
    if (!initialized) {
      if (count === 0) {
        action('overall progress', 'waiting for new tasks');
        return false;
      }
      overall(0, count);
      initialized = true;
    }
    if (done && [...byNode.values()].some((t) => t.status.state !== 'running')) done = false;
    let running = 0;
    const hostname = (id: string) => swarm.node(id)?.description.hostname ?? id;
    for (const t of [...byNode.values()].sort((a, b) => hostname(a.nodeId).localeCompare(hostname(b.nodeId)))) {
      if (!active.has(t.nodeId)) continue;
      if (!terminal(t.desiredState) && t.status.state === 'running') running++;
      if (!done && count <= MAX_BARS) taskLine(t.nodeId.slice(0, 12), t);
    }
    if (!done) {
      overall(running, count);
      if (running === count) done = true;
    }
    return running === count;
  }

  const exec = new WaitingExecution({
    check() {
      const swarm = getSwarm();
      const service = swarm.service(serviceId);
      if (!service) {
        flush();
        sink.stderr(`Error response from daemon: service ${serviceId} not found\n`);
        return 1;
      }
      const monitor = service.spec.updateConfig.monitor || 5_000;
      const now = swarm.now();
      const us = service.updateStatus;
      if (us) {
        switch (us.state) {
          case 'updating':
            rollback = false;
            break;
          case 'completed':
            if (!converged) {
              flush();
              return 0;
            }
            break;
          case 'paused':
            flush();
            sink.stderr(`service update paused: ${us.message}\n`);
            return 1;
          case 'rollback_started':
            if (!rollback && us.message) action('rollback', us.message);
            rollback = true;
            break;
          case 'rollback_paused':
            flush();
            sink.stderr(`service rollback paused: ${us.message}\n`);
            return 1;
          case 'rollback_completed':
            if (!converged) message = us.message;
            rollback = true;
            break;
        }
      }
      if (converged && convergedAt !== undefined && now - convergedAt >= monitor) {
        action('verify', 'Service converged');
        if (message !== undefined) put('rollback', message);
        flush();
        return 0;
      }
      converged = update(swarm, service);
      if (converged) {
        if (convergedAt === undefined) convergedAt = now;
        const wait = monitor - (now - convergedAt);
        if (wait >= 0) action('verify', `Waiting ${Math.floor(wait / 1000) + 1} seconds to verify that tasks are stable...`);
      } else {
        if (convergedAt !== undefined) action('verify', 'Detected task failure');
        convergedAt = undefined;
      }
      return undefined;
    },
    wakeAt() {
      const swarm = getSwarm();
      const service = swarm.service(serviceId);
      const monitor = service?.spec.updateConfig.monitor || 5_000;
      const verifyAt = converged && convergedAt !== undefined ? convergedAt + monitor : undefined;
      const due = [verifyAt, swarm.nextWakeAt()].filter((x): x is number => x !== undefined && x > clock.now());
      return due.length ? Math.min(...due) : undefined;
    },
  });
  exec.poll();
  return exec;
}
