import { isTaskDirty, stateIndex, type Swarm, type SwarmService, type SwarmTask, type TaskState } from '../../sim/swarm/index';
import { WaitingExecution } from '../execution';
import type { Execution, OutputSink } from '../types';
import type { ClockSource } from './swarmHost';

/**
 * The convergence display of `service create|update|scale|rollback`
 * without `-d` (docker/cli `service/progress/progress.go`): the command waits
 * until every slot's current task is running, then for the monitor period
 * (`verify: Waiting 5 seconds…`), and prints the final state of the live
 * block: `overall progress: 3 out of 3 tasks`, one bar per slot (≤ 20
 * replicas), `verify: Service converged`. A task failing during the wait
 * restarts the wait, as the CLI's `Detected task failure` does.
 */

/** The CLI's state numbers for the bar (new 1 … running 9). */
const BAR_STATES: TaskState[] = ['new', 'allocated', 'pending', 'assigned', 'accepted', 'preparing', 'ready', 'starting', 'running'];

function bar(state: TaskState): string {
  const n = BAR_STATES.indexOf(state) + 1;
  if (n <= 0) return '';
  const pct = Math.floor((n * 100) / BAR_STATES.length);
  const eq = Math.floor(pct / 2);
  return `[${'='.repeat(eq)}>${' '.repeat(50 - eq)}]`;
}

function slotLine(label: string, t: SwarmTask | undefined): string {
  if (!t) return `${label}: `;
  if (t.status.err && stateIndex(t.status.state) < stateIndex('running')) {
    const msg = t.status.err.replace(/\n/g, ' ');
    return `${label}: ${msg.length > 75 ? `${msg.slice(0, 74)}…` : msg} `;
  }
  return `${label}: ${t.status.state.padEnd(9)} ${bar(t.status.state)} `.replace(/ +$/, ' ');
}

interface SlotView {
  label: string;
  task: SwarmTask | undefined;
}

/** The current task of each slot (replicated) or node (global) for the service's current spec. */
function slotViews(swarm: Swarm, service: SwarmService): SlotView[] {
  const tasks = swarm.tasks({ serviceId: service.id }).filter((t) => t.desiredState === 'running' || t.desiredState === 'ready');
  if ('replicated' in service.spec.mode) {
    const n = service.spec.mode.replicated.replicas;
    const out: SlotView[] = [];
    const slots = [...new Set(tasks.map((t) => t.slot))].sort((a, b) => a - b);
    for (let i = 0; i < n; i++) {
      const slot = slots[i];
      const own = slot === undefined ? [] : tasks.filter((t) => t.slot === slot);
      out.push({ label: `${i + 1}/${n}`, task: own.sort((a, b) => b.seq - a.seq)[0] });
    }
    return out;
  }
  const byNode = new Map<string, SwarmTask>();
  for (const t of tasks) if (!byNode.has(t.nodeId) || byNode.get(t.nodeId)!.seq < t.seq) byNode.set(t.nodeId, t);
  return [...byNode.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([node, task]) => ({ label: node.slice(0, 12), task }));
}

const isCurrentRunning = (service: SwarmService) => (v: SlotView) => v.task?.status.state === 'running' && !isTaskDirty(service, v.task);

export interface ProgressOptions {
  /** `rollback`: the overall line reads `rolling back update: …`. */
  rollback?: boolean;
  /** Lines printed before the block (e.g. `rollback: manually requested rollback`). */
  preface?: string[];
}

export function waitForConvergence(clock: ClockSource, getSwarm: () => Swarm, serviceId: string, sink: OutputSink, options: ProgressOptions = {}): Execution {
  let stableSince: number | undefined;
  let lastFailures = -1;
  const failures = (s: Swarm) => s.tasks({ serviceId }).filter((t) => t.status.state === 'failed' || t.status.state === 'rejected').length;
  const exec = new WaitingExecution({
    check() {
      const swarm = getSwarm();
      const service = swarm.service(serviceId);
      if (!service) {
        sink.stderr(`service ${serviceId} not found\n`);
        return 1;
      }
      const views = slotViews(swarm, service);
      const running = views.filter(isCurrentRunning(service)).length;
      const total = views.length;
      const f = failures(swarm);
      const allRunning = total > 0 && running === total;
      if (!allRunning || (lastFailures >= 0 && f > lastFailures)) stableSince = undefined;
      else if (stableSince === undefined) stableSince = swarm.now();
      lastFailures = f;
      if (stableSince === undefined || swarm.now() < stableSince + service.spec.updateConfig.monitor) return undefined;
      const lines = [...(options.preface ?? [])];
      lines.push(total === 0 ? 'overall progress: waiting for new tasks ' : `overall progress: ${options.rollback ? 'rolling back update: ' : ''}${running} out of ${total} tasks `);
      if (total <= 20) for (const v of views) lines.push(slotLine(v.label, v.task));
      lines.push('verify: Service converged ');
      sink.stdout(`${lines.join('\n')}\n`);
      return 0;
    },
    wakeAt() {
      const swarm = getSwarm();
      const service = swarm.service(serviceId);
      const verifyAt = stableSince !== undefined && service ? stableSince + service.spec.updateConfig.monitor : undefined;
      const next = swarm.nextWakeAt();
      const due = [verifyAt, next].filter((x): x is number => x !== undefined && x > clock.now());
      return due.length ? Math.min(...due) : undefined;
    },
  });
  exec.poll();
  return exec;
}
