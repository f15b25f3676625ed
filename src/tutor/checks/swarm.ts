import { isTerminal, type Swarm, type SwarmNode, type SwarmService, type SwarmTask, type TaskState, type UpdateState } from '../../sim/swarm/index';
import type { Comparison, SwarmQuestion } from '../types';

/**
 * Questions a check asks the simulated swarm directly (a `? …` line in a
 * ```check block), for what the `docker` CLI shows only as tables. Each
 * names the `docker` command that shows the learner the same thing; the
 * check runs it for display and judges the question on the swarm's state.
 */
export interface SwarmQuestionKind {
  /** The syntax, for `lessons/README.md` and error messages. */
  syntax: string;
  /** The words of a question of this kind, or undefined when it is not one (or an error text). */
  parse(text: string): string[] | string | undefined;
  /** The `docker` command that shows what the question reads. */
  shownBy(words: string[]): string;
  /** Whether the swarm answers yes; `seen` says what it holds now (shown when the answer is no). */
  answer(swarm: Swarm, words: string[]): { pass: boolean; seen: string };
}

const UPDATE_STATES: readonly UpdateState[] = ['updating', 'paused', 'completed', 'rollback_started', 'rollback_paused', 'rollback_completed'];
const TASK_WORDS = ['running', 'pending', 'failed', 'shutdown', 'complete', 'rejected'] as const;
const NODE_WORDS = ['Ready', 'Down', 'Active', 'Pause', 'Drain', 'Leader', 'Reachable', 'Unreachable', 'a manager', 'a worker'] as const;

function compare(a: number, op: Comparison, b: number): boolean {
  if (op === '==') return a === b;
  if (op === '!=') return a !== b;
  if (op === '>') return a > b;
  if (op === '>=') return a >= b;
  if (op === '<') return a < b;
  return a <= b;
}

const hostname = (swarm: Swarm, id: string) => swarm.node(id)?.description.hostname ?? id;
const downNodes = (swarm: Swarm) => new Set(swarm.nodes().filter((n) => n.status.state === 'down').map((n) => n.id));

/** Tasks the swarm wants running (desired state running or ready), as `docker service ps --filter desired-state=running`. */
const wanted = (tasks: SwarmTask[]) => tasks.filter((t) => t.desiredState === 'running' || t.desiredState === 'ready');

/**
 * Tasks of a service in a state, as the learner counts them: `running` is what
 * `docker service ls` counts in REPLICAS (running, wanted, on a node not Down);
 * another state is the task's current state, history included.
 */
function tasksIn(swarm: Swarm, service: SwarmService, state: (typeof TASK_WORDS)[number]): SwarmTask[] {
  const tasks = swarm.tasks({ serviceId: service.id });
  if (state === 'running') {
    const down = downNodes(swarm);
    return wanted(tasks).filter((t) => t.status.state === 'running' && !down.has(t.nodeId));
  }
  if (state === 'pending') return tasks.filter((t) => !isTerminal(t.status.state) && ['new', 'allocated', 'pending'].includes(t.status.state));
  return tasks.filter((t) => t.status.state === (state as TaskState));
}

const where = (swarm: Swarm, tasks: SwarmTask[]) => (tasks.length ? tasks.map((t) => hostname(swarm, t.nodeId)).join(', ') : 'none');

function nodeIs(n: SwarmNode, word: (typeof NODE_WORDS)[number]): { pass: boolean; seen: string } {
  const status = n.status.state === 'down' ? 'Down' : n.status.state === 'ready' ? 'Ready' : n.status.state;
  const availability = n.spec.availability[0].toUpperCase() + n.spec.availability.slice(1);
  const manager = n.managerStatus ? (n.managerStatus.leader ? 'Leader' : n.managerStatus.reachability === 'reachable' ? 'Reachable' : 'Unreachable') : '';
  const seen = `${n.description.hostname}: ${status}, ${availability}${manager ? `, ${manager}` : ', a worker'}`;
  if (word === 'a manager') return { pass: n.spec.role === 'manager', seen };
  if (word === 'a worker') return { pass: n.spec.role === 'worker', seen };
  if (word === 'Ready' || word === 'Down') return { pass: status === word, seen };
  if (word === 'Active' || word === 'Pause' || word === 'Drain') return { pass: availability === word, seen };
  return { pass: manager === word, seen };
}

/** Looks a service up; a missing one answers no, saying so. */
function withService(swarm: Swarm, name: string, f: (s: SwarmService) => { pass: boolean; seen: string }): { pass: boolean; seen: string } {
  const s = swarm.findService(name);
  return s ? f(s) : { pass: false, seen: `no service ${name}` };
}

function withNode(swarm: Swarm, name: string, f: (n: SwarmNode) => { pass: boolean; seen: string }): { pass: boolean; seen: string } {
  const n = swarm.findNode(name);
  return n ? f(n) : { pass: false, seen: `no node ${name}` };
}

const NAME = '([a-z0-9][a-zA-Z0-9_.-]*)';

export const SWARM_QUESTIONS: readonly SwarmQuestionKind[] = [
  {
    syntax: 'service NAME has [OP] N STATE tasks [on NODE]  (STATE: running, pending, failed, shutdown, complete, rejected)',
    parse(text) {
      const m = new RegExp(`^service ${NAME} has (?:(==|!=|>=|<=|>|<) )?(\\d+) (\\S+) tasks?(?: on ${NAME})?$`).exec(text);
      if (!m) return undefined;
      if (!(TASK_WORDS as readonly string[]).includes(m[4])) return `a task state is one of ${TASK_WORDS.join(', ')}, got "${m[4]}"`;
      return m[5] ? [m[1], m[2] ?? '==', m[3], m[4], m[5]] : [m[1], m[2] ?? '==', m[3], m[4]];
    },
    shownBy: ([name]) => `docker service ps ${name}`,
    answer: (swarm, [name, op, n, state, node]) =>
      withService(swarm, name, (s) => {
        const all = tasksIn(swarm, s, state as (typeof TASK_WORDS)[number]);
        const tasks = node === undefined ? all : all.filter((t) => hostname(swarm, t.nodeId) === node);
        return { pass: compare(tasks.length, op as Comparison, Number(n)), seen: node === undefined ? `${all.length} ${state} (on ${where(swarm, all)})` : `${tasks.length} ${state} on ${node} (all ${state}: on ${where(swarm, all)})` };
      }),
  },
  {
    syntax: 'service NAME exists | service NAME does not exist',
    parse(text) {
      const m = new RegExp(`^service ${NAME} (exists|does not exist)$`).exec(text);
      return m ? [m[1], m[2]] : undefined;
    },
    shownBy: () => 'docker service ls',
    answer(swarm, [name, how]) {
      const found = swarm.findService(name) !== undefined;
      return { pass: found === (how === 'exists'), seen: found ? `service ${name} exists` : `no service ${name}` };
    },
  },
  {
    syntax: `service NAME update is STATE  (${UPDATE_STATES.join(', ')})`,
    parse(text) {
      const m = new RegExp(`^service ${NAME} update is (\\S+)$`).exec(text);
      if (!m) return undefined;
      return (UPDATE_STATES as readonly string[]).includes(m[2]) ? [m[1], m[2]] : `an update state is one of ${UPDATE_STATES.join(', ')}, got "${m[2]}"`;
    },
    shownBy: ([name]) => `docker service inspect --pretty ${name}`,
    answer: (swarm, [name, state]) =>
      withService(swarm, name, (s) => ({ pass: s.updateStatus?.state === state, seen: `update ${s.updateStatus?.state ?? 'never started'}` })),
  },
  {
    syntax: 'service NAME runs IMAGE  (the spec, and every running task)',
    parse(text) {
      const m = new RegExp(`^service ${NAME} runs (\\S+)$`).exec(text);
      return m ? [m[1], m[2]] : undefined;
    },
    shownBy: ([name]) => `docker service ps ${name}`,
    answer: (swarm, [name, image]) =>
      withService(swarm, name, (s) => {
        const running = tasksIn(swarm, s, 'running');
        const images = [...new Set(running.map((t) => t.spec.image))];
        const pass = s.spec.image === image && running.length > 0 && images.length === 1 && images[0] === image;
        return { pass, seen: `spec ${s.spec.image}; running tasks: ${images.join(', ') || 'none'}` };
      }),
  },
  {
    syntax: 'service NAME publishes port N',
    parse(text) {
      const m = new RegExp(`^service ${NAME} publishes port (\\d+)$`).exec(text);
      return m ? [m[1], m[2]] : undefined;
    },
    shownBy: () => 'docker service ls',
    answer: (swarm, [name, port]) =>
      withService(swarm, name, (s) => ({
        pass: s.spec.ports.some((p) => p.publishedPort === Number(port)),
        seen: `published: ${s.spec.ports.map((p) => `${p.publishedPort}->${p.targetPort}`).join(', ') || 'nothing'}`,
      })),
  },
  {
    syntax: 'port N on NODE reaches SERVICE | port N on every node reaches SERVICE  (the routing mesh; a host-mode port only where a task runs)',
    parse(text) {
      const m = new RegExp(`^port (\\d+) on (every node|${NAME}) reaches ${NAME}$`).exec(text);
      return m ? [m[1], m[2], m[4]] : undefined;
    },
    shownBy: ([, , name]) => `docker service ps ${name}`,
    answer: (swarm, [port, node, name]) =>
      withService(swarm, name, (s) => {
        const published = s.spec.ports.find((p) => p.publishedPort === Number(port));
        if (!published) return { pass: false, seen: `${name} does not publish port ${port}` };
        const running = wanted(swarm.tasks({ serviceId: s.id })).filter((t) => t.status.state === 'running' && !swarm.isNodeStopped(t.nodeId));
        const members = swarm.nodes().filter((n) => !n.left);
        const targets = node === 'every node' ? members : members.filter((n) => n.description.hostname === node);
        if (targets.length === 0) return { pass: false, seen: `no node ${node}` };
        const reaches = (n: SwarmNode) => !swarm.isNodeStopped(n.id) && (published.publishMode === 'ingress' ? running.length > 0 : running.some((t) => t.nodeId === n.id));
        const missed = targets.filter((n) => !reaches(n)).map((n) => n.description.hostname);
        return { pass: missed.length === 0, seen: missed.length ? `not reached through ${missed.join(', ')}; tasks running on ${where(swarm, running)}` : `tasks running on ${where(swarm, running)}` };
      }),
  },
  {
    syntax: 'a task of SERVICE runs on NODE | no task of SERVICE runs on NODE | a task of SERVICE runs on a node other than NODE',
    parse(text) {
      const m = new RegExp(`^(a|no) task of ${NAME} runs on (a node other than )?${NAME}$`).exec(text);
      if (!m) return undefined;
      if (m[1] === 'no' && m[3]) return '"no task of S runs on a node other than N" is not a question; ask "a task of S runs on N"';
      return [m[2], m[1] === 'no' ? 'none-on' : m[3] ? 'off' : 'on', m[4]];
    },
    shownBy: ([name]) => `docker service ps ${name}`,
    answer: (swarm, [name, how, node]) =>
      withService(swarm, name, (s) => {
        const running = tasksIn(swarm, s, 'running');
        const onNode = wanted(swarm.tasks({ serviceId: s.id })).filter((t) => hostname(swarm, t.nodeId) === node);
        const seen = `running on ${where(swarm, running)}`;
        if (how === 'on') return { pass: running.some((t) => hostname(swarm, t.nodeId) === node), seen };
        if (how === 'off') return { pass: running.some((t) => hostname(swarm, t.nodeId) !== node), seen };
        return { pass: onNode.length === 0, seen: onNode.length ? `${onNode.length} wanted on ${node}; ${seen}` : seen };
      }),
  },
  {
    syntax: `node NAME is STATE  (${NODE_WORDS.join(', ')})`,
    parse(text) {
      const m = new RegExp(`^node ${NAME} is (.+)$`).exec(text);
      if (!m) return undefined;
      return (NODE_WORDS as readonly string[]).includes(m[2]) ? [m[1], m[2]] : `a node is one of ${NODE_WORDS.join(', ')}, got "${m[2]}"`;
    },
    shownBy: () => 'docker node ls',
    answer: (swarm, [name, word]) => withNode(swarm, name, (n) => nodeIs(n, word as (typeof NODE_WORDS)[number])),
  },
  {
    syntax: 'the swarm has a leader | the swarm has no leader',
    parse(text) {
      const m = /^the swarm has (a|no) leader$/.exec(text);
      return m ? [m[1]] : undefined;
    },
    shownBy: () => 'docker node ls',
    answer(swarm, [how]) {
      const leader = swarm.nodes().find((n) => n.managerStatus?.leader);
      const has = swarm.hasLeader();
      return { pass: has === (how === 'a'), seen: has ? `leader: ${leader?.description.hostname ?? '?'}` : 'no leader' };
    },
  },
  {
    syntax: 'stack NAME has [OP] N services',
    parse(text) {
      const m = new RegExp(`^stack ${NAME} has (?:(==|!=|>=|<=|>|<) )?(\\d+) services?$`).exec(text);
      return m ? [m[1], m[2] ?? '==', m[3]] : undefined;
    },
    shownBy: ([name]) => `docker stack services ${name}`,
    answer(swarm, [name, op, n]) {
      const services = swarm.services().filter((s) => s.spec.labels['com.docker.stack.namespace'] === name);
      return { pass: compare(services.length, op as Comparison, Number(n)), seen: `${services.length}: ${services.map((s) => s.spec.name).join(', ') || 'none'}` };
    },
  },
];

/**
 * The question a `? …` line asks, or why it is not one.
 * @example parseSwarmQuestion('service web has 3 running tasks') // { text, kind: 0, words: ['web', '==', '3', 'running'] }
 */
export function parseSwarmQuestion(text: string): SwarmQuestion | string {
  const t = text.trim().replace(/\s+/g, ' ');
  for (const [kind, k] of SWARM_QUESTIONS.entries()) {
    const r = k.parse(t);
    if (typeof r === 'string') return r;
    if (r) return { text: t, kind, words: r };
  }
  return `not a swarm question: "${t}" (one of: ${SWARM_QUESTIONS.map((k) => k.syntax).join('; ')})`;
}

/** The `docker` command that shows the learner what `q` reads. */
export function swarmQuestionCommand(q: SwarmQuestion): string {
  return SWARM_QUESTIONS[q.kind].shownBy(q.words);
}

/** The swarm's answer to `q` now. */
export function answerSwarmQuestion(q: SwarmQuestion, swarm: Swarm): { pass: boolean; seen: string } {
  return SWARM_QUESTIONS[q.kind].answer(swarm, q.words);
}
