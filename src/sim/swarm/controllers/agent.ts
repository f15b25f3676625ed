import { BY_NODE, NODES, setTaskState, TASKS, type SwarmContext, type SwarmController } from '../context';
import { healthPlan, processPlan } from '../process';
import { isTerminal, type SwarmTask } from '../types';

export const AGENT = 'agent';

/** How long the lifecycle steps take on a node (virtual ms; not from a source — typical of a small VM). */
export const AGENT_TIMINGS = {
  /** assignment reaches the node's agent → ACCEPTED, then PREPARING */
  acceptMs: 100,
  /** image already on the node */
  cachedPullMs: 200,
  /** first pull of an image: base + up to `pullJitterMs` */
  pullMs: 1_500,
  pullJitterMs: 2_000,
  /** STARTING → RUNNING */
  startMs: 500,
  /** SIGTERM → the container is gone (servers stop quickly; the grace period is 10 s) */
  stopMs: 300,
} as const;

/**
 * The worker agent on each node (key: node ID): drives its tasks forward
 * through ACCEPTED, PREPARING (image pull), READY, STARTING and RUNNING,
 * runs the container's process (it may exit: COMPLETE or FAILED), and stops
 * tasks whose desired state is past RUNNING (SHUTDOWN). A powered-off node's
 * agent does nothing: its tasks keep their last reported state.
 */
export function createAgent(): SwarmController {
  const images = new Map<string, Set<string>>();
  return {
    name: AGENT,
    watches: [
      { resource: TASKS, map: (e) => ((e.object as SwarmTask).nodeId || undefined) },
      { resource: NODES, map: (e) => e.key },
    ],
    reconcile(nodeId, ctx) {
      if (ctx.isStopped(nodeId) || !ctx.store.get(NODES, nodeId)) return;
      let cache = images.get(nodeId);
      if (!cache) images.set(nodeId, (cache = new Set()));
      let due = Infinity;
      const tasks = ctx.store.listByIndex<SwarmTask>(TASKS, BY_NODE, nodeId).sort((a, b) => a.seq - b.seq);
      for (const t of tasks) {
        const at = step(ctx, t, cache);
        if (at !== undefined && at < due) due = at;
      }
      if (due !== Infinity) ctx.wakeAt(AGENT, nodeId, due);
    },
  };
}

/** One task's progress; returns when it next needs the agent. */
function step(ctx: SwarmContext, t: SwarmTask, images: Set<string>): number | undefined {
  const now = ctx.clock.now();
  const s = t.status.state;
  if (isTerminal(s) || s === 'new' || s === 'pending') return undefined;
  if (t.desiredState === 'shutdown' || t.desiredState === 'remove' || t.desiredState === 'complete') {
    if (s === 'running' || s === 'starting') {
      if (t.sim.stopAt === undefined) {
        ctx.store.put(TASKS, { ...t, sim: { ...t.sim, stopAt: now + AGENT_TIMINGS.stopMs } } as SwarmTask);
        return now + AGENT_TIMINGS.stopMs;
      }
      if (now < t.sim.stopAt) return t.sim.stopAt;
    }
    setTaskState(ctx, t, 'shutdown', 'shutdown');
    return undefined;
  }
  const since = t.status.timestamp;
  switch (s) {
    case 'assigned':
      if (now < since + AGENT_TIMINGS.acceptMs) return since + AGENT_TIMINGS.acceptMs;
      setTaskState(ctx, t, 'accepted', 'accepted');
      return now + AGENT_TIMINGS.acceptMs;
    case 'accepted': {
      if (now < since + AGENT_TIMINGS.acceptMs) return since + AGENT_TIMINGS.acceptMs;
      const cached = images.has(t.spec.image);
      const pull = cached ? AGENT_TIMINGS.cachedPullMs : AGENT_TIMINGS.pullMs + Math.floor(ctx.rng.next() * AGENT_TIMINGS.pullJitterMs);
      images.add(t.spec.image);
      setTaskState(ctx, t, 'preparing', 'preparing', {}, { ...t.sim, readyAt: now + pull });
      return now + pull;
    }
    case 'preparing':
      if (now < (t.sim.readyAt ?? now)) return t.sim.readyAt;
      setTaskState(ctx, t, 'ready', 'prepared');
      return t.desiredState === 'running' ? now : undefined;
    case 'ready':
      if (t.desiredState !== 'running') return undefined;
      setTaskState(ctx, t, 'starting', 'starting');
      return now + AGENT_TIMINGS.startMs;
    case 'starting': {
      if (now < since + AGENT_TIMINGS.startMs) return since + AGENT_TIMINGS.startMs;
      const plan = processPlan(t.spec.image, t.spec.args);
      const hc = t.spec.healthcheck;
      if (hc && hc.test.length > 0 && hc.test[0] !== 'NONE' && plan.type === 'serve') {
        // With a HEALTHCHECK the task stays STARTING until the container is healthy (SwarmKit's executor waits for it).
        const h = healthPlan(hc);
        const at = since + AGENT_TIMINGS.startMs + h.afterMs;
        if (now < at) return at;
        if (!h.healthy) {
          setTaskState(ctx, t, 'failed', 'started', { exitCode: 137, err: 'task: non-zero exit (137): dockerexec: unhealthy container', health: 'unhealthy' });
          return undefined;
        }
        setTaskState(ctx, t, 'running', 'started', { health: 'healthy' }, { ...t.sim, ranAt: now });
        return undefined;
      }
      const sim = plan.type === 'exit' ? { ...t.sim, exitAt: now + plan.afterMs, exitCode: plan.code, ranAt: now } : { ...t.sim, ranAt: now };
      setTaskState(ctx, t, 'running', 'started', {}, sim);
      return sim.exitAt;
    }
    case 'running':
      if (t.sim.exitAt === undefined) return undefined;
      if (now < t.sim.exitAt) return t.sim.exitAt;
      if (t.sim.exitCode === 0) setTaskState(ctx, t, 'complete', 'finished', { exitCode: 0 });
      else setTaskState(ctx, t, 'failed', 'started', { exitCode: t.sim.exitCode, err: `task: non-zero exit (${t.sim.exitCode})` });
      return undefined;
    default:
      return undefined;
  }
}
