/**
 * A scenario: everything needed to rebuild a playground session exactly —
 * the editor's files, the cluster's starting shape, the seed and the
 * timestamped command log (DESIGN.md principle 2). `parseScenario` turns
 * untrusted JSON (a share link, a file) into one, or says what is wrong.
 */

/** The format written today. Older versions stay readable; newer ones are refused with a message. */
export const SCENARIO_VERSION = 1;

/** Bounds on what a scenario may hold (a link is untrusted input). */
export const SCENARIO_LIMITS = {
  files: 50,
  /** Characters per file. */
  fileChars: 256 * 1024,
  fileNameChars: 255,
  commands: 2000,
  /** Characters per command line. */
  lineChars: 10_000,
  /** Workers the starting cluster may have (the same bound as the page's `?workers=`). */
  workers: 200,
  /** Virtual time a scenario may span: one day (the engine runs a quiet default cluster's day in ~2 s of wall time). */
  spanMs: 24 * 3600_000,
  lessonIdChars: 100,
} as const;

/**
 * Why a command may not write `text` to file `name` of `files` (`> name`),
 * in bash's words, or undefined: a scenario's bounds hold for what its
 * commands write, as for what a link carries.
 */
export function fileWriteProblem(files: Readonly<Record<string, string>>, name: string, text: string): string | undefined {
  if (name.length > SCENARIO_LIMITS.fileNameChars) return 'File name too long';
  if (text.length > SCENARIO_LIMITS.fileChars) return 'File too large';
  if (!Object.prototype.hasOwnProperty.call(files, name) && Object.keys(files).length >= SCENARIO_LIMITS.files) return 'No space left on device';
  return undefined;
}

/** The cluster the session started from, as `npm run play`'s flags and `createCluster`'s options say it. */
export interface ClusterShape {
  /** Workers beside the control-plane node (`worker-1..N`); default 3. */
  workers?: number;
  /** Worker CPU capacity, e.g. `4`. */
  nodeCpu?: string;
  /** Worker memory capacity, e.g. `8Gi`. */
  nodeMemory?: string;
  /** Virtual time at which the cluster starts (RFC 3339). */
  startTime?: string;
}

/** An editor file; `kubectl apply -f NAME` reads it. */
export interface ScenarioFile {
  name: string;
  content: string;
}

/**
 * One entry of the command log. `at` is virtual ms since the cluster started
 * (the playground clock's 00:00:00, `Cluster.startTime`). A `cancel` entry is a Ctrl+C (`prompt`) or the fast-forward's Stop (`settle`).
 * A `file` entry says what an editor file held from then on (no `content`: it did not exist), when that
 * differs from `files`: a manifest edited between two applies is applied as it was each time.
 */
export type LogEntry = CommandEntry | CancelEntry | FileEntry;
export interface CommandEntry {
  at: number;
  line: string;
  source?: 'prompt' | 'ui';
}
export interface CancelEntry {
  at: number;
  cancel: 'prompt' | 'settle';
}
export interface FileEntry {
  at: number;
  file: string;
  content?: string;
}

/** Which lesson step was open. */
export interface LessonStep {
  id: string;
  step: number;
}

export interface Scenario {
  version: typeof SCENARIO_VERSION;
  files: ScenarioFile[];
  cluster: ClusterShape;
  seed: number;
  /** In order of `at` (equal times keep their order). Replay starts from `files`; `file` entries change them from their time on. */
  log: LogEntry[];
  /** Virtual ms since start at which the session was captured (replay runs the clock to here); at least the last entry's `at`. */
  endAt: number;
  lesson?: LessonStep;
  /** The playback speed the session had (0: paused; default 1): a paused moment opens paused. */
  speed?: number;
  /** Which cluster the page drew (default: the Kubernetes one); the swarm is made when shown, identically at any time. */
  view?: ScenarioView;
}

/** The cluster area's modes a scenario may open in. */
export type ScenarioView = 'kubernetes' | 'swarm' | 'side-by-side';
const VIEWS: readonly ScenarioView[] = ['kubernetes', 'swarm', 'side-by-side'];

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

/** The playground's playback speeds (0 is paused). */
const SPEEDS: readonly number[] = [0, 0.5, 1, 2, 5, 10, 30];

const CPU = /^\d+(\.\d+)?m?$/;
const MEMORY = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

class Invalid extends Error {}

function fail(message: string): never {
  throw new Invalid(message);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function wholeNumber(v: unknown, what: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(`${what} must be a whole number from ${min} to ${max}`);
  return v;
}

/** Virtual ms: fractions allowed (the live clock follows real time, so a fast-forward may end between two milliseconds). */
function virtualMs(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > SCENARIO_LIMITS.spanMs) fail(`${what} must be a time in ms from 0 to ${SCENARIO_LIMITS.spanMs}`);
  return v;
}

function text(v: unknown, what: string, max: number): string {
  if (typeof v !== 'string') fail(`${what} must be a string`);
  if (v.length > max) fail(`${what} is longer than ${max} characters`);
  return v;
}

function onlyKeys(o: Record<string, unknown>, allowed: readonly string[], what: string): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(`${what} has an unknown field "${k.slice(0, 40)}"`);
}

function fileName(v: unknown, what: string): string {
  const name = text(v, what, SCENARIO_LIMITS.fileNameChars);
  if (name.trim() === '' || [...name].some((c) => c.charCodeAt(0) < 32)) fail(`${what} must be a non-empty name without control characters`);
  return name;
}

function parseFiles(v: unknown): ScenarioFile[] {
  if (!Array.isArray(v)) fail('files must be a list');
  if (v.length > SCENARIO_LIMITS.files) fail(`too many files: ${v.length} (at most ${SCENARIO_LIMITS.files})`);
  const seen = new Set<string>();
  return v.map((f, i) => {
    if (!isRecord(f)) fail(`files[${i}] must be an object`);
    onlyKeys(f, ['name', 'content'], `files[${i}]`);
    const name = fileName(f.name, `files[${i}].name`);
    if (seen.has(name)) fail(`two files are named "${name.slice(0, 80)}"`);
    seen.add(name);
    return { name, content: text(f.content, `files[${i}].content`, SCENARIO_LIMITS.fileChars) };
  });
}

function parseCluster(v: unknown): ClusterShape {
  if (v === undefined) return {};
  if (!isRecord(v)) fail('cluster must be an object');
  onlyKeys(v, ['workers', 'nodeCpu', 'nodeMemory', 'startTime'], 'cluster');
  const out: ClusterShape = {};
  if (v.workers !== undefined) out.workers = wholeNumber(v.workers, 'cluster.workers', 1, SCENARIO_LIMITS.workers);
  if (v.nodeCpu !== undefined) {
    out.nodeCpu = text(v.nodeCpu, 'cluster.nodeCpu', 20);
    if (!CPU.test(out.nodeCpu)) fail('cluster.nodeCpu must be a CPU quantity such as 4 or 500m');
  }
  if (v.nodeMemory !== undefined) {
    out.nodeMemory = text(v.nodeMemory, 'cluster.nodeMemory', 20);
    if (!MEMORY.test(out.nodeMemory)) fail('cluster.nodeMemory must be a memory quantity such as 8Gi');
  }
  if (v.startTime !== undefined) {
    out.startTime = text(v.startTime, 'cluster.startTime', 40);
    if (!RFC3339.test(out.startTime) || Number.isNaN(Date.parse(out.startTime))) fail('cluster.startTime must be an RFC 3339 time');
  }
  return out;
}

function parseLog(v: unknown): LogEntry[] {
  if (!Array.isArray(v)) fail('log must be a list');
  if (v.length > SCENARIO_LIMITS.commands) fail(`too many commands: ${v.length} (at most ${SCENARIO_LIMITS.commands})`);
  let last = 0;
  return v.map((e, i): LogEntry => {
    if (!isRecord(e)) fail(`log[${i}] must be an object`);
    const at = virtualMs(e.at, `log[${i}].at`);
    if (at < last) fail(`log[${i}].at goes back in time (${at} < ${last})`);
    last = at;
    if (e.cancel !== undefined) {
      onlyKeys(e, ['at', 'cancel'], `log[${i}]`);
      if (e.cancel !== 'prompt' && e.cancel !== 'settle') fail(`log[${i}].cancel must be "prompt" or "settle"`);
      return { at, cancel: e.cancel };
    }
    if (e.file !== undefined) {
      onlyKeys(e, ['at', 'file', 'content'], `log[${i}]`);
      const file = fileName(e.file, `log[${i}].file`);
      return e.content === undefined ? { at, file } : { at, file, content: text(e.content, `log[${i}].content`, SCENARIO_LIMITS.fileChars) };
    }
    onlyKeys(e, ['at', 'line', 'source'], `log[${i}]`);
    const line = text(e.line, `log[${i}].line`, SCENARIO_LIMITS.lineChars);
    // A command may span lines (a here-document, a line continued with `\`); a carriage return is never typed.
    if (line.includes('\r')) fail(`log[${i}].line must not contain a carriage return`);
    if (e.source !== undefined && e.source !== 'prompt' && e.source !== 'ui') fail(`log[${i}].source must be "prompt" or "ui"`);
    return e.source === undefined ? { at, line } : { at, line, source: e.source };
  });
}

function parseLesson(v: unknown): LessonStep | undefined {
  if (v === undefined) return undefined;
  if (!isRecord(v)) fail('lesson must be an object');
  onlyKeys(v, ['id', 'step'], 'lesson');
  const id = text(v.id, 'lesson.id', SCENARIO_LIMITS.lessonIdChars);
  if (!/^[A-Za-z0-9._-]+$/.test(id)) fail('lesson.id may hold only letters, digits, ".", "_" and "-"');
  return { id, step: wholeNumber(v.step, 'lesson.step', 0, 1000) };
}

/** Reads a scenario from parsed JSON of any origin; never throws. */
export function parseScenario(value: unknown): ScenarioResult {
  try {
    if (!isRecord(value)) fail('a scenario must be a JSON object');
    const version = value.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) fail('the scenario has no valid format version');
    if (version > SCENARIO_VERSION) fail(`this scenario was made by a newer Kubeplay (format ${version}; this page reads up to ${SCENARIO_VERSION}): reload the page to update`);
    onlyKeys(value, ['version', 'files', 'cluster', 'seed', 'log', 'endAt', 'lesson', 'speed', 'view'], 'the scenario');
    const log = parseLog(value.log);
    const lastAt = log.length ? log[log.length - 1].at : 0;
    const endAt = value.endAt === undefined ? lastAt : virtualMs(value.endAt, 'endAt');
    if (endAt < lastAt) fail(`endAt (${endAt}) is before the last command (${lastAt})`);
    const scenario: Scenario = {
      version: SCENARIO_VERSION,
      files: parseFiles(value.files ?? []),
      cluster: parseCluster(value.cluster),
      seed: wholeNumber(value.seed ?? 1, 'seed', 0, 2 ** 31 - 1),
      log,
      endAt,
    };
    const lesson = parseLesson(value.lesson);
    if (lesson) scenario.lesson = lesson;
    if (value.speed !== undefined) {
      if (typeof value.speed !== 'number' || !SPEEDS.includes(value.speed)) fail(`speed must be one of ${SPEEDS.join(', ')}`);
      scenario.speed = value.speed;
    }
    if (value.view !== undefined) {
      if (typeof value.view !== 'string' || !VIEWS.includes(value.view as ScenarioView)) fail(`view must be one of ${VIEWS.join(', ')}`);
      scenario.view = value.view as ScenarioView;
    }
    return { ok: true, scenario };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: `invalid scenario: ${e.message}` };
    return { ok: false, error: `invalid scenario: ${e instanceof Error ? e.message : String(e)}` };
  }
}
