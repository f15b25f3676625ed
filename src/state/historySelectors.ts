/**
 * What the undo buttons and the timeline read: which command Undo and Redo
 * would take, and the session's commands and key events along virtual time.
 * Memoised on the log's identity (the log only ever changes by replacement).
 */
import { isLookOnly, undoStep } from '../session/history';
import type { LogEntry } from '../session/scenario';
import type { AppState } from './appState';
import type { EventRecord, LoggedCommand } from './types';

/** One mark on the timeline. */
export interface TimelineMark {
  /** Virtual ms since the cluster's start. */
  readonly at: number;
  readonly type: 'change' | 'look' | 'warning';
  /** The command line, or the event's reason and object. */
  readonly text: string;
}

export interface TimelineView {
  /** The end of the history (ms since start): now, or the whole history's end while looking at the past. */
  readonly end: number;
  /** Where the timeline's handle is. */
  readonly at: number;
  readonly marks: readonly TimelineMark[];
  /** Commands up to the handle. */
  readonly commandsBefore: number;
  /** Commands after it (those a fork would drop). */
  readonly commandsAfter: number;
}

function asEntries(log: readonly LoggedCommand[]): LogEntry[] {
  return log.map((e) => ('line' in e ? { at: e.at ?? 0, line: e.line } : { at: e.at ?? 0, cancel: e.cancel }));
}

let undoMemo: { log: readonly LoggedCommand[]; line: string | undefined } | undefined;

/** The command Undo would take back (the last change; looks after it go with it). */
export function selectUndoLine(s: AppState): string | undefined {
  if (undoMemo?.log !== s.commandLog) undoMemo = { log: s.commandLog, line: undoStep(asEntries(s.commandLog))?.line };
  return undoMemo.line;
}

/** The command Redo would put back. */
export function selectRedoLine(s: AppState): string | undefined {
  const step = s.redoSteps[s.redoSteps.length - 1];
  const first = step?.find((e) => 'line' in e);
  return first && 'line' in first ? first.line : undefined;
}

/** Warning events worth a mark (at most this many, the latest). */
const EVENT_MARKS = 60;

function marksOf(log: readonly LogEntry[], events: readonly EventRecord[], startedAt: number, end: number): TimelineMark[] {
  const marks: TimelineMark[] = [];
  for (const e of log) if ('line' in e) marks.push({ at: e.at, type: isLookOnly(e.line) ? 'look' : 'change', text: e.line });
  const warnings = events.filter((e) => e.type === 'Warning').slice(-EVENT_MARKS);
  for (const e of warnings) {
    const at = e.firstAt - startedAt;
    if (at >= 0 && at <= end) marks.push({ at, type: 'warning', text: `${e.reason} ${e.object.kind.toLowerCase()}/${e.object.name}` });
  }
  return marks.sort((a, b) => a.at - b.at);
}

let viewMemo: { log: unknown; events: unknown; past: unknown; startedAt: number; marks: TimelineMark[]; entries: readonly LogEntry[] } | undefined;

/** The timeline: its length, the handle and the marks. */
export function selectTimeline(s: AppState): TimelineView {
  const live = Math.max(0, s.now - s.startedAt);
  const past = s.past;
  const end = past ? past.full.endAt : live;
  const at = past ? past.at : live;
  const log = past ? past.full.log : s.commandLog;
  const events = past ? past.events : s.snapshot.events;
  if (!viewMemo || viewMemo.log !== log || viewMemo.events !== events || viewMemo.past !== past || viewMemo.startedAt !== s.startedAt) {
    const entries = past ? past.full.log : asEntries(s.commandLog).map((e) => ({ ...e, at: Math.max(0, e.at - s.startedAt) }));
    viewMemo = { log, events, past, startedAt: s.startedAt, marks: marksOf(entries, events, s.startedAt, end), entries };
  }
  const commands = viewMemo.entries.filter((e) => 'line' in e);
  const commandsBefore = commands.filter((e) => e.at <= at).length;
  return { end, at, marks: viewMemo.marks, commandsBefore, commandsAfter: commands.length - commandsBefore };
}
