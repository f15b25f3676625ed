import type { Terminal as XTerm } from '@xterm/xterm';
import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../../state/transcript';
import { TerminalController, type TerminalActions } from './terminalController';

/** Just enough of an <input> for the controller. */
class FakeInput {
  value = '';
  selectionStart: number | null = 0;
  selectionEnd: number | null = 0;
  focused = 0;
  focus() {
    this.focused++;
  }
  setSelectionRange(a: number, b: number) {
    this.selectionStart = a;
    this.selectionEnd = b;
  }
  type(text: string) {
    this.value += text;
    this.setSelectionRange(this.value.length, this.value.length);
  }
}

function setup(opts: { busyAfterRun?: boolean; candidates?: string[] } = {}) {
  let screen = '';
  const term = {
    cols: 80,
    write: (s: string) => {
      screen += s;
    },
    hasSelection: () => false,
    getSelection: () => '',
    clear: () => {
      screen = '';
    },
    scrollToBottom: () => {},
    scrollPages: () => {},
  } as unknown as XTerm;
  const input = new FakeInput();
  const ran: string[] = [];
  const abandoned: string[] = [];
  let busy = false;
  let cancelled = 0;
  const actions: TerminalActions = {
    runCommand: (line) => {
      ran.push(line);
      busy = !!opts.busyAfterRun;
    },
    cancelCommand: () => {
      cancelled++;
      busy = false;
    },
    abandonLine: (text) => abandoned.push(text),
    clearTerminal: () => {},
    complete: () => opts.candidates ?? [],
    // The shell's answer for here-documents ending in EOF (what these tests type).
    prompt: () => undefined,
    needsMoreLines: (text) => text.includes('<<EOF') && !text.split('\n').includes('EOF'),
    isBusy: () => busy,
    history: () => ran,
  };
  const controller = new TerminalController(term, input as unknown as HTMLInputElement, actions);
  const key = (k: string, mods: Partial<KeyboardEvent> = {}) => {
    let prevented = false;
    controller.keydown({ key: k, ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, isComposing: false, keyCode: 0, preventDefault: () => (prevented = true), ...mods } as KeyboardEvent);
    return prevented;
  };
  const tick = () => new Promise<void>((r) => queueMicrotask(r));
  return {
    controller,
    input,
    ran,
    abandoned,
    key,
    tick,
    text: () => stripAnsi(screen),
    setBusy: (b: boolean) => (busy = b),
    cancelled: () => cancelled,
  };
}

describe('TerminalController', () => {
  it('shows a prompt, runs the line on Enter and clears the input', async () => {
    const t = setup();
    t.controller.replay([]);
    await t.tick();
    t.input.type('kubectl get nodes');
    t.controller.redraw();
    expect(t.key('Enter')).toBe(true);
    expect(t.ran).toEqual(['kubectl get nodes']);
    expect(t.input.value).toBe('');
    expect(t.text()).toContain('$ kubectl get nodes');
  });

  it('queues lines typed while a command waits and runs them when it is done', async () => {
    const t = setup({ busyAfterRun: true });
    t.controller.replay([]);
    await t.tick();
    t.input.type('sleep 10s');
    t.key('Enter');
    t.input.type('kubectl get pods');
    t.key('Enter');
    expect(t.ran).toEqual(['sleep 10s']);
    t.setBusy(false);
    t.controller.handle({ type: 'idle' });
    await t.tick();
    expect(t.ran).toEqual(['sleep 10s', 'kubectl get pods']);
  });

  it('Ctrl+C cancels a waiting command', async () => {
    const t = setup({ busyAfterRun: true });
    t.input.type('sleep 1h');
    t.key('Enter');
    t.key('c', { ctrlKey: true });
    expect(t.cancelled()).toBe(1);
  });

  it('Ctrl+C on an idle line abandons it, as bash does', async () => {
    const t = setup();
    t.controller.replay([]);
    await t.tick();
    t.input.type('kubectl get po');
    t.key('c', { ctrlKey: true });
    expect(t.input.value).toBe('');
    expect(t.ran).toEqual([]);
    expect(t.text()).toContain('kubectl get po^C');
  });

  it('Tab completes from the shell', async () => {
    const t = setup({ candidates: ['get'] });
    t.input.type('kubectl ge');
    expect(t.key('Tab')).toBe(true);
    expect(t.input.value).toBe('kubectl get ');
  });

  it('↑ recalls history', async () => {
    const t = setup();
    t.input.type('kubectl get nodes');
    t.key('Enter');
    t.key('ArrowUp');
    expect(t.input.value).toBe('kubectl get nodes');
  });

  it('pasting several lines runs each, leaving the last part on the prompt', async () => {
    const t = setup();
    t.controller.replay([]);
    await t.tick();
    let prevented = false;
    t.controller.paste({ clipboardData: { getData: () => 'echo one\necho two\nkubectl' }, preventDefault: () => (prevented = true) } as unknown as ClipboardEvent);
    expect(prevented).toBe(true);
    for (let i = 0; i < 4; i++) await t.tick();
    expect(t.ran).toEqual(['echo one', 'echo two']);
    expect(t.input.value).toBe('kubectl');
  });

  it('asks for a here-document\'s lines with > and runs the command once its end line is typed', async () => {
    const t = setup();
    t.controller.replay([]);
    await t.tick();
    for (const line of ['kubectl apply -f - <<EOF', 'kind: ConfigMap', 'metadata:', '  name: demo']) {
      t.input.type(line);
      t.key('Enter');
      await t.tick();
    }
    expect(t.ran).toEqual([]);
    // (The fake screen keeps every redraw: each line is on it as finished, with its prompt.)
    for (const line of ['$ kubectl apply -f - <<EOF\n', '> kind: ConfigMap\n', '> metadata:\n', '>   name: demo\n']) expect(t.text()).toContain(line);
    t.input.type('EOF');
    t.key('Enter');
    expect(t.ran).toEqual(['kubectl apply -f - <<EOF\nkind: ConfigMap\nmetadata:\n  name: demo\nEOF']);
    await t.tick();
    expect(t.text()).toContain('> EOF\n');
    expect(t.text().endsWith('$ ')).toBe(true);
  });

  it('runs a pasted here-document as one command', async () => {
    const t = setup();
    t.controller.replay([]);
    await t.tick();
    t.controller.paste({ clipboardData: { getData: () => 'cat <<EOF | kubectl apply -f -\nkind: Namespace\nEOF\nkubectl get ns\n' }, preventDefault: () => {} } as unknown as ClipboardEvent);
    for (let i = 0; i < 8; i++) await t.tick();
    expect(t.ran).toEqual(['cat <<EOF | kubectl apply -f -\nkind: Namespace\nEOF', 'kubectl get ns']);
  });

  it('Ctrl+C under a > prompt abandons the whole command', async () => {
    const t = setup();
    t.controller.replay([]);
    await t.tick();
    t.input.type('kubectl apply -f - <<EOF');
    t.key('Enter');
    await t.tick();
    t.input.type('kind: Pod');
    t.key('c', { ctrlKey: true });
    expect(t.abandoned).toEqual(['kubectl apply -f - <<EOF\nkind: Pod']);
    await t.tick();
    t.input.type('kubectl get pods');
    t.key('Enter');
    expect(t.ran).toEqual(['kubectl get pods']);
  });

  it("a lesson's Run enters its line at the prompt as if typed, and keeps what was being edited", async () => {
    const t = setup();
    t.controller.replay([]);
    await t.tick();
    t.input.type('kubectl get no');
    t.controller.handle({ type: 'type', text: 'kubectl apply -f web.yaml\n' });
    await t.tick();
    expect(t.ran).toEqual(['kubectl apply -f web.yaml']);
    expect(t.text()).toContain('$ kubectl apply -f web.yaml\n');
    expect(t.input.value).toBe('kubectl get no');
  });

  it("a lesson's Run while a command runs waits for it, as a shell's type-ahead", async () => {
    const t = setup({ busyAfterRun: true });
    t.controller.replay([]);
    await t.tick();
    t.input.type('kubectl get pods -w');
    t.key('Enter');
    t.controller.handle({ type: 'type', text: 'kubectl get deploy\n' });
    await t.tick();
    expect(t.ran).toEqual(['kubectl get pods -w']);
    t.setBusy(false);
    t.controller.handle({ type: 'idle' });
    await t.tick();
    expect(t.ran).toEqual(['kubectl get pods -w', 'kubectl get deploy']);
  });

  it("a lesson's Edit puts the command on the prompt with its placeholder selected, and runs nothing", async () => {
    const t = setup();
    t.controller.replay([]);
    await t.tick();
    t.controller.handle({ type: 'type', text: 'kubectl delete pod <one of the names>' });
    await t.tick();
    await new Promise((r) => setTimeout(r, 0));
    expect(t.ran).toEqual([]);
    expect(t.input.value).toBe('kubectl delete pod <one of the names>');
    expect([t.input.selectionStart, t.input.selectionEnd]).toEqual([19, 37]);
    expect(t.input.focused).toBe(1);
    expect(t.text()).toContain('$ kubectl delete pod <one of the names>');
  });

  it('echoes commands issued by buttons as if typed', async () => {
    const t = setup();
    t.controller.handle({ type: 'command', line: 'kubectl delete pod web-1 --grace-period=0 --force', source: 'ui' });
    t.controller.handle({ type: 'output', stream: 'stdout', text: 'pod "web-1" force deleted\n' });
    expect(t.text()).toContain('$ kubectl delete pod web-1 --grace-period=0 --force\npod "web-1" force deleted\n');
  });
});

describe('readline keys', () => {
  it('Ctrl+U deletes before the caret, Ctrl+A / Ctrl+E move', async () => {
    const t = setup();
    t.input.type('kubectl get pods');
    t.input.setSelectionRange(8, 8);
    t.key('u', { ctrlKey: true });
    expect(t.input.value).toBe('get pods');
    expect(t.input.selectionStart).toBe(0);
    t.key('e', { ctrlKey: true });
    expect(t.input.selectionStart).toBe(8);
    t.key('a', { ctrlKey: true });
    t.key('k', { ctrlKey: true });
    expect(t.input.value).toBe('');
  });
});
