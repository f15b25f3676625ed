import type { TerminalSlice } from './appState';
import type { GetState, SetState, StoreKit } from './storeKit';
import type { CommandSource } from './types';

const HISTORY_LIMIT = 500;

/** Builtins the browser terminal handles itself, because they act on the screen, not the cluster. */
function isClear(line: string): boolean {
  return line.trim() === 'clear';
}

export function createTerminalSlice(set: SetState, get: GetState, kit: () => StoreKit): TerminalSlice {
  function remember(line: string, source: CommandSource): void {
    const { history, commandLog } = get();
    const trimmed = line.trim();
    if (trimmed === '') return;
    const nextHistory = source === 'prompt' && history[history.length - 1] !== line ? [...history, line].slice(-HISTORY_LIMIT) : history;
    set({ history: nextHistory, commandLog: [...commandLog, { at: kit().runtime.now(), line: trimmed, source }] });
  }

  return {
    transcript: [],
    busy: false,
    history: [],
    commandLog: [],

    runCommand(line, source = 'prompt') {
      const k = kit();
      remember(line, source);
      k.transcript.appendLine(`$ ${line}`);
      k.emit({ type: 'command', line, source });
      if (line.trim() === '' || isClear(line)) {
        if (isClear(line)) get().clearTerminal();
        k.publish();
        if (source === 'prompt') k.emit({ type: 'idle' });
        return;
      }
      const execution = k.runtime.run(line, source, k.sink);
      k.publish();
      if (execution.done && source === 'prompt') k.emit({ type: 'idle' });
    },

    cancelCommand() {
      const k = kit();
      if (!k.runtime.cancelPrompt()) return;
      k.transcript.append('^C\n');
      k.emit({ type: 'interrupt' });
      k.publish();
      k.emit({ type: 'idle' });
    },

    abandonLine(text) {
      const k = kit();
      k.transcript.appendLine(`$ ${text}^C`);
      k.publish();
    },

    clearTerminal() {
      const k = kit();
      k.transcript.clear();
      k.emit({ type: 'clear' });
      k.publish();
    },

    complete(line, cursor) {
      return kit().runtime.complete(line, cursor);
    },

    subscribeTerminal(listener) {
      return kit().subscribe(listener);
    },
  };
}
