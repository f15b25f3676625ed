/**
 * The store's command log and a scenario's log, one into the other. The
 * store keeps, with each command, the files of that moment (shared
 * references); a scenario keeps the final files and, before a command that
 * read other contents, `file` entries saying what they were then.
 */
import { isLookOnly } from '../session/history';
import type { LogEntry, ScenarioFile } from '../session/scenario';
import type { LoggedCommand } from './types';

type Files = Readonly<Record<string, string>>;

const has = (files: Files, name: string) => Object.prototype.hasOwnProperty.call(files, name);

/** Sets an own property, whatever the name (a hostile `__proto__` stays a file name). */
function put(files: Record<string, string>, name: string, content: string): void {
  Object.defineProperty(files, name, { value: content, enumerable: true, writable: true, configurable: true });
}

/** Files by name, in order, from a scenario's list. */
export function filesRecord(files: readonly ScenarioFile[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of files) put(out, f.name, f.content);
  return out;
}

/** `file` entries that turn what replay holds (`current`) into what the command read (`wanted`). */
function fileChanges(at: number, current: Files, wanted: Files): LogEntry[] {
  const out: LogEntry[] = [];
  for (const [name, content] of Object.entries(wanted)) if (!has(current, name) || current[name] !== content) out.push({ at, file: name, content });
  for (const name of Object.keys(current)) if (!has(wanted, name)) out.push({ at, file: name });
  return out;
}

export interface ToScenarioLogOptions {
  /** Virtual time (ms since the epoch) of the cluster's 00:00:00. */
  startTime: number;
  /** The files the scenario carries (the editor's, at capture). */
  files: Files;
  /** Keep commands that only look (`kubectl get`, `describe`, `logs`…); without them the same cluster is reached by fewer commands. */
  history: boolean;
}

/**
 * The store's log as a scenario's. Commands that never ran (the cluster did
 * not start) are left out; times become ms since the cluster's start.
 */
export function toScenarioLog(log: readonly LoggedCommand[], options: ToScenarioLogOptions): LogEntry[] {
  const out: LogEntry[] = [];
  let current = options.files;
  let last = 0;
  for (const e of log) {
    if (e.at === undefined) continue;
    const at = Math.max(last, e.at - options.startTime);
    last = at;
    if ('cancel' in e) {
      out.push({ at, cancel: e.cancel });
      continue;
    }
    if (!options.history && isLookOnly(e.line)) continue;
    if (e.files && e.files !== current) {
      out.push(...fileChanges(at, current, e.files));
      current = e.files;
    }
    out.push(e.source === 'prompt' ? { at, line: e.line } : { at, line: e.line, source: e.source });
  }
  return out;
}

/** A scenario's log as the store's: absolute times, and each command with the files it read. */
export function fromScenarioLog(log: readonly LogEntry[], files: readonly ScenarioFile[], startTime: number): LoggedCommand[] {
  let current: Files = filesRecord(files);
  const out: LoggedCommand[] = [];
  for (const e of log) {
    const at = startTime + e.at;
    if ('file' in e) {
      const next = { ...current };
      if (e.content === undefined) delete next[e.file];
      else put(next, e.file, e.content);
      current = next;
    } else if ('cancel' in e) out.push({ at, cancel: e.cancel });
    else out.push({ at, line: e.line, source: e.source ?? 'prompt', files: current });
  }
  return out;
}

/** The command lines of a log, in order (Ctrl+C and Stop left out). */
export function commandLines(log: readonly LoggedCommand[]): string[] {
  return log.flatMap((c) => ('line' in c ? [c.line] : []));
}
