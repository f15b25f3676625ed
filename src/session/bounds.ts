/**
 * What a scenario may make the page do, checked before anything runs: a
 * link asking for ten million replicas is refused with a message instead
 * of freezing the tab. The limits fit the engine's measured speed (a
 * Deployment of 5,000 replicas takes ~3 s of wall time to start; a quiet
 * default cluster runs a virtual day in ~2 s) and the drawing's budget
 * (1,000 pods above 30 fps).
 */
import { parseDuration } from '../lib/duration';
import { parseAllDocuments } from 'yaml';
import { reservedPrefix } from '../shell/compound';
import { tokenize } from '../shell/index';
import { SCENARIO_LIMITS, type Scenario } from './scenario';

export const REPLAY_LIMITS = {
  /** Replicas (and HPA maxReplicas, Job parallelism/completions) any one object or command may ask for. */
  replicas: 1000,
  /** Nodes the cluster may reach with `kubeplay node add` (the same bound as the starting shape's workers). */
  nodes: SCENARIO_LIMITS.workers,
  /** Virtual time the replay may run: the log's span plus what `kubeplay clock step|settle` move. */
  virtualMs: SCENARIO_LIMITS.spanMs,
  /** YAML alias expansion per document (yaml's maxAliasCount; its default too). */
  yamlAliases: 100,
} as const;

/** Fields whose number becomes that many pods. */
const COUNT_FIELDS = new Set(['replicas', 'maxReplicas', 'minReplicas', 'parallelism', 'completions']);
/** Flags whose number becomes that many pods. */
const COUNT_FLAGS = new Set(['--replicas', '--max', '--min', '--parallelism', '--completions']);

const SETTLE_DEFAULT_MS = 10 * 60_000;

/** The largest pod count any field of a manifest asks for (documents walked to a bounded depth). */
function largestCount(value: unknown, depth = 0): { field: string; n: number } | undefined {
  if (depth > 64 || typeof value !== 'object' || value === null) return undefined;
  let best: { field: string; n: number } | undefined;
  for (const [k, v] of Object.entries(value)) {
    const here = COUNT_FIELDS.has(k) && (typeof v === 'number' || typeof v === 'string') ? { field: k, n: Number(v) } : largestCount(v, depth + 1);
    if (here && (best === undefined || !(here.n <= best.n))) best = here;
  }
  return best;
}

function durationOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  return parseDuration(text);
}

/** Virtual time a `kubeplay clock …` command moves by itself (0 for any other command). */
function clockMove(words: readonly string[]): number {
  if (words[0] !== 'kubeplay' || words[1] !== 'clock') return 0;
  if (words[2] === 'step') return durationOf(words[3]) ?? 1000;
  if (words[2] !== 'settle') return 0;
  const i = words.findIndex((w) => w === '--max' || w.startsWith('--max='));
  if (i < 0) return SETTLE_DEFAULT_MS;
  return durationOf(words[i] === '--max' ? words[i + 1] : words[i].slice(6)) ?? SETTLE_DEFAULT_MS;
}

/** The pod count a command line asks for through a flag, if any. */
function flagCount(words: readonly string[]): { flag: string; n: number } | undefined {
  let best: { flag: string; n: number } | undefined;
  for (let i = 0; i < words.length; i++) {
    const eq = words[i].indexOf('=');
    const flag = eq > 0 ? words[i].slice(0, eq) : words[i];
    if (!COUNT_FLAGS.has(flag)) continue;
    const n = Number(eq > 0 ? words[i].slice(eq + 1) : words[i + 1]);
    if (best === undefined || !(n <= best.n)) best = { flag, n };
  }
  return best;
}

/**
 * Why this scenario must not be replayed, or undefined when it fits the
 * bounds. Numbers that are not numbers are left to the command itself (it
 * prints kubectl's own error).
 */
export function checkReplayBounds(scenario: Scenario): string | undefined {
  for (const file of scenario.files) {
    const refusal = checkManifest(file.name, file.content);
    if (refusal) return refusal;
  }
  // The same checks as while replaying, on each command as written (every command of a pipeline or list runs).
  const guard = new ReplayGuard(scenario);
  for (const entry of scenario.log) {
    if ('file' in entry) {
      const refusal = entry.content === undefined ? undefined : checkManifest(entry.file, entry.content);
      if (refusal) return refusal;
      continue;
    }
    if (!('line' in entry)) continue;
    const t = tokenize(entry.line);
    for (const [s, words] of t.stages.entries()) {
      // A loop's or an if's commands come after their reserved words (`do kubeplay node add`).
      const refusal = guard.check(words.slice(reservedPrefix(t, s).skip), undefined);
      if (refusal) return refusal;
    }
  }
  return undefined;
}

/**
 * The bounds, command by command: `checkReplayBounds` reads the log's
 * commands through it before anything runs, and the replay asks it again
 * for each command as it runs (the shell's `guard`), with its words
 * expanded and its piped input: what reading the log cannot tell — `--replicas=$N`, `kubeplay clock step $T`, a manifest
 * piped into `kubectl apply -f -`, `xargs` running `kubeplay node add` once
 * per line — is refused there, before it runs.
 */
export class ReplayGuard {
  private nodes: number;
  private virtual: number;

  constructor(scenario: Scenario) {
    this.nodes = 1 + (scenario.cluster.workers ?? 3);
    this.virtual = scenario.endAt;
  }

  /** Why this command must not run in the replay, or undefined. */
  check(words: readonly string[], stdin: string | undefined): string | undefined {
    const max = REPLAY_LIMITS.replicas;
    const shown = words.join(' ').slice(0, 80);
    if (words[0] === 'kubectl') {
      const c = flagCount(words);
      if (c && Number.isFinite(c.n) && c.n > max) return `refused: "${shown}" asks for ${c.flag.slice(2)} ${c.n} (the playground runs at most ${max} per object)`;
      if (stdin !== undefined) {
        const refusal = checkManifest(undefined, stdin);
        if (refusal) return refusal;
      }
    }
    if (words[0] === 'kubeplay' && words[1] === 'node' && words[2] === 'add' && ++this.nodes > REPLAY_LIMITS.nodes) return `refused: the scenario adds nodes past ${REPLAY_LIMITS.nodes}`;
    const move = clockMove(words);
    if (move > 0 && (this.virtual += move) > REPLAY_LIMITS.virtualMs) return `refused: the scenario runs the clock past ${REPLAY_LIMITS.virtualMs / 3_600_000}h of virtual time`;
    return undefined;
  }
}

/** Why a manifest must not be replayed (an alias bomb, too many replicas), or undefined. */
function checkManifest(name: string | undefined, content: string): string | undefined {
  const max = REPLAY_LIMITS.replicas;
  // A manifest piped into kubectl (`-f -`) has no file name.
  const what = name === undefined ? 'the manifest piped into kubectl' : `file "${name.slice(0, 80)}"`;
  for (const doc of parseAllDocuments(content)) {
    let value: unknown;
    try {
      // yaml's own guard against alias bombs (billion laughs): expanding more than this many aliased nodes throws.
      value = doc.toJS({ maxAliasCount: REPLAY_LIMITS.yamlAliases });
    } catch (e) {
      if (/alias/i.test(e instanceof Error ? e.message : '')) return `refused: ${what} expands YAML aliases past ${REPLAY_LIMITS.yamlAliases} (an alias bomb?)`;
      continue; // Other syntax errors are kubectl apply's to report.
    }
    const c = largestCount(value);
    if (c && c.n > max) return `refused: ${what} asks for ${c.field}: ${c.n} (the playground runs at most ${max} per object)`;
  }
  return undefined;
}
