import { echoedCommand, needsMoreLines, oneLine } from '../shell/commandText';
import type { TerminalSlice } from './appState';
import type { GetState, SetState, StoreKit } from './storeKit';
import type { CommandSource, LoggedLine } from './types';

const HISTORY_LIMIT = 500;

/** Builtins the browser terminal handles itself, because they act on the screen, not the cluster. */
function isClear(line: string): boolean {
  return line.trim() === 'clear';
}

/** Logs a Ctrl+C (`prompt`) or a fast-forward Stop (`settle`): replay must stop the same wait at the same moment. */
export function logCancel(set: SetState, get: GetState, k: StoreKit, cancel: 'prompt' | 'settle'): void {
  set({ commandLog: [...get().commandLog, { at: k.runtime.now(), cancel }] });
}

export function createTerminalSlice(set: SetState, get: GetState, kit: () => StoreKit): TerminalSlice {
  /** Logs the command with the files it may read; returns the entry (undefined for a blank line). */
  function remember(line: string, source: CommandSource): LoggedLine | undefined {
    const { history, commandLog, files } = get();
    const trimmed = line.trim();
    if (trimmed === '') return undefined;
    // As bash's history keeps it: a loop typed over several lines comes back (↑) as one line.
    const recalled = oneLine(line) ?? line;
    const nextHistory = source === 'prompt' && history[history.length - 1] !== recalled ? [...history, recalled].slice(-HISTORY_LIMIT) : history;
    const entry: LoggedLine = { at: kit().runtime.now(), line: trimmed, source, files };
    set({ history: nextHistory, commandLog: [...commandLog, entry] });
    return entry;
  }

  /** A command that waited for the cluster to start ran at `at`: its log entry says so. */
  function startedAt(entry: LoggedLine, at: number): void {
    const log = get().commandLog;
    const i = log.indexOf(entry);
    if (i >= 0) set({ commandLog: [...log.slice(0, i), { ...entry, at }, ...log.slice(i + 1)] });
  }

  return {
    transcript: [],
    busy: false,
    history: [],
    commandLog: [],

    runCommand(line, source = 'prompt', tap) {
      // Typed while the timeline shows a moment whose cluster is not loaded yet (the drawing is a preview):
      // load that moment first, so the command acts on it and forks history there, not on the present.
      // Typed while a scenario (a link, a lesson, Undo) replays: it runs on that cluster once it has loaded.
      const loading = get().scenarioLoading;
      if (loading) {
        void loading.then(() => get().runCommand(line, source, tap));
        return undefined;
      }
      const past = get().past;
      if (past && past.at !== past.loadedAt && !get().replaying) {
        void get().loadPastNow().then(() => get().runCommand(line, source, tap));
        return undefined;
      }
      const k = kit();
      const entry = remember(line, source);
      k.transcript.appendLine(echoedCommand(line, source === 'ui' ? undefined : k.runtime.prompt()));
      k.emit({ type: 'command', line, source });
      if (line.trim() === '' || isClear(line)) {
        if (isClear(line)) get().clearTerminal();
        k.publish();
        if (source === 'prompt') k.emit({ type: 'idle' });
        return undefined;
      }
      const sink = tap ? { stdout: (t: string) => (tap.stdout(t), k.sink.stdout(t)), stderr: (t: string) => (tap.stderr(t), k.sink.stderr(t)) } : k.sink;
      const execution = k.runtime.run(line, source, sink, entry && entry.at === undefined ? (at) => startedAt(entry, at) : undefined);
      k.publish();
      if (execution.done && source === 'prompt') k.emit({ type: 'idle' });
      return execution;
    },

    cancelCommand() {
      const k = kit();
      if (!k.runtime.cancelPrompt()) return;
      logCancel(set, get, k, 'prompt');
      k.transcript.append('^C\n');
      k.emit({ type: 'interrupt' });
      k.publish();
      k.emit({ type: 'idle' });
    },

    abandonLine(text) {
      const k = kit();
      k.transcript.appendLine(`${echoedCommand(text, kit().runtime.prompt())}^C`);
      k.publish();
    },

    clearTerminal() {
      const k = kit();
      k.transcript.clear();
      k.emit({ type: 'clear' });
      k.publish();
    },

    noteInTerminal(lines) {
      const k = kit();
      for (const line of lines) {
        k.transcript.appendLine(line);
        k.emit({ type: 'notice', text: line.replace(/^# /, '') });
      }
      k.publish();
    },

    typeInTerminal(text) {
      kit().emit({ type: 'type', text });
    },

    complete(line, cursor) {
      return kit().runtime.complete(line, cursor);
    },

    needsMoreLines,

    terminalPrompt() {
      return kit().runtime.prompt();
    },

    subscribeTerminal(listener) {
      return kit().subscribe(listener);
    },
  };
}
