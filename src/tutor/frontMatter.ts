import { parse } from 'yaml';
import type { LessonCluster, LessonError } from './types';

/** The front matter's fields, checked; `files` are names in the lesson's folder. */
export interface FrontMatter {
  id: string;
  title: string;
  summary: string;
  minutes: number;
  prerequisites: string[];
  cluster: LessonCluster;
  files: string[];
  setup: string[];
}

const KNOWN = ['id', 'title', 'summary', 'minutes', 'prerequisites', 'cluster', 'files', 'setup'];
const CLUSTER_KEYS = ['workers', 'seed', 'nodeCpu', 'nodeMemory'];
export const LESSON_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Splits `---` front matter from the body and checks its fields.
 * Errors carry the lesson file's line numbers.
 */
export function readFrontMatter(text: string, file: string): { front?: FrontMatter; bodyStart: number; errors: LessonError[] } {
  const lines = text.split('\n');
  const err = (line: number, message: string): LessonError => ({ file, line, message });
  if (lines[0]?.trim() !== '---') return { bodyStart: 0, errors: [err(1, 'a lesson starts with front matter between two "---" lines')] };
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) return { bodyStart: 0, errors: [err(1, 'the front matter has no closing "---" line')] };
  let data: unknown;
  try {
    data = parse(lines.slice(1, end).join('\n'));
  } catch (e) {
    const pos = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    return { bodyStart: end + 1, errors: [err((pos ?? 0) + 1, `front matter is not valid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)] };
  }
  const errors: LessonError[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { bodyStart: end + 1, errors: [err(2, 'the front matter must be a YAML mapping')] };
  const fm = data as Record<string, unknown>;
  // The line of a key, for messages about its value.
  const lineOf = (key: string) => {
    const i = lines.slice(1, end).findIndex((l) => l.startsWith(`${key}:`));
    return i < 0 ? 1 : i + 2;
  };
  for (const key of Object.keys(fm)) if (!KNOWN.includes(key)) errors.push(err(lineOf(key), `unknown front matter field "${key}" (known: ${KNOWN.join(', ')})`));
  const text1 = (key: string): string => {
    const v = fm[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    errors.push(err(lineOf(key), `front matter needs "${key}": a non-empty text`));
    return '';
  };
  const list = (key: string, ok: (s: string) => boolean, what: string): string[] => {
    const v = fm[key];
    if (v === undefined || v === null) return [];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' && ok(x))) return v as string[];
    errors.push(err(lineOf(key), `"${key}" must be a list of ${what}`));
    return [];
  };
  const id = text1('id');
  if (id && !LESSON_ID.test(id)) errors.push(err(lineOf('id'), `id "${id}" must be lowercase words joined by "-"`));
  const title = text1('title');
  const summary = text1('summary');
  const minutes = fm.minutes;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > 240) errors.push(err(lineOf('minutes'), '"minutes" (the estimated time) must be a whole number from 1 to 240'));
  const prerequisites = list('prerequisites', (s) => LESSON_ID.test(s), 'lesson ids');
  const files = list('files', (s) => /^[\w.-]+$/.test(s), 'file names in the lesson folder');
  const setup = list('setup', (s) => s.trim() !== '', 'commands');
  const cluster = readCluster(fm.cluster, () => lineOf('cluster'), errors, file);
  const front = { id, title, summary, minutes: typeof minutes === 'number' ? minutes : 0, prerequisites, cluster, files, setup };
  return { front, bodyStart: end + 1, errors };
}

function readCluster(v: unknown, line: () => number, errors: LessonError[], file: string): LessonCluster {
  if (v === undefined || v === null) return {};
  const bad = (message: string) => errors.push({ file, line: line(), message });
  if (typeof v !== 'object' || Array.isArray(v)) {
    bad('"cluster" must be a mapping (workers, seed, nodeCpu, nodeMemory)');
    return {};
  }
  const c = v as Record<string, unknown>;
  const out: LessonCluster = {};
  for (const key of Object.keys(c)) if (!CLUSTER_KEYS.includes(key)) bad(`unknown cluster field "${key}" (known: ${CLUSTER_KEYS.join(', ')})`);
  const whole = (key: 'workers' | 'seed', min: number, max: number) => {
    const n = c[key];
    if (n === undefined) return;
    if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max) out[key] = n;
    else bad(`cluster.${key} must be a whole number from ${min} to ${max}`);
  };
  whole('workers', 1, 50);
  whole('seed', 0, 2 ** 31 - 1);
  if (c.nodeCpu !== undefined) {
    if (typeof c.nodeCpu === 'string' || typeof c.nodeCpu === 'number') out.nodeCpu = String(c.nodeCpu);
    else bad('cluster.nodeCpu must be a quantity such as 4 or 2500m');
  }
  if (c.nodeMemory !== undefined) {
    if (typeof c.nodeMemory === 'string') out.nodeMemory = c.nodeMemory;
    else bad('cluster.nodeMemory must be a quantity such as 8Gi');
  }
  return out;
}
