import { FitAddon } from '@xterm/addon-fit';
import { Terminal as XTerm } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { useAppStore } from '../hooks/useApp';
import { TerminalController } from './terminalController';
import { TERMINAL_FONT, xtermTheme } from './xtermTheme';

/**
 * The terminal: xterm draws (it is hidden from assistive technology, which
 * reads the "Terminal output" region instead); a real input named "Terminal"
 * takes the keystrokes. Loaded lazily: xterm is the largest piece of the page.
 */
export default function Terminal() {
  const store = useAppStore();
  const hostRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const host = hostRef.current;
    const input = inputRef.current;
    if (!host || !input) return;
    const term = new XTerm({
      convertEol: true,
      disableStdin: true,
      cursorBlink: false,
      cursorStyle: 'block',
      cursorInactiveStyle: 'outline',
      fontFamily: TERMINAL_FONT,
      fontSize: 13,
      lineHeight: 1.25,
      scrollback: 5000,
      theme: xtermTheme(host),
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host);
    // xterm's own textarea must not compete with our input for focus or for screen readers.
    const helper = term.textarea;
    helper?.setAttribute('tabindex', '-1');
    helper?.setAttribute('aria-hidden', 'true');
    const onHelperFocus = () => input.focus();
    helper?.addEventListener('focus', onHelperFocus);

    const actions = store.getState();
    const controller = new TerminalController(term, input, {
      runCommand: (line) => actions.runCommand(line, 'prompt'),
      cancelCommand: actions.cancelCommand,
      abandonLine: actions.abandonLine,
      clearTerminal: actions.clearTerminal,
      complete: actions.complete,
      needsMoreLines: actions.needsMoreLines,
      prompt: actions.terminalPrompt,
      isBusy: () => store.getState().busy,
      history: () => store.getState().history,
    });

    const refit = () => {
      // Hidden (a phone's other tab): the fit addon would read the CSS width ("100%") as 100 px and squeeze the terminal to ten columns.
      if (host.clientWidth === 0) return;
      const size = fit.proposeDimensions();
      if (!size || size.cols < 2 || size.rows < 1) return; // hidden or collapsed
      try {
        fit.fit();
      } catch {
        return; // not laid out yet
      }
      controller.resized();
      // The width in columns, for tests (a terminal squeezed while hidden would redraw its prompt broken).
      host.dataset.cols = String(term.cols);
    };
    refit();
    controller.replay(store.getState().transcript);
    const unsubscribe = actions.subscribeTerminal((event) => controller.handle(event));

    // Keep the (invisible) input on the cursor's row, so IME popups and clicks land there.
    const place = () => {
      const screen = host.querySelector<HTMLElement>('.xterm-screen');
      if (!screen) return;
      const rowHeight = screen.clientHeight / term.rows;
      const buffer = term.buffer.active;
      const row = Math.max(0, Math.min(term.rows - 1, buffer.baseY + buffer.cursorY - buffer.viewportY));
      input.style.top = `${screen.offsetTop + row * rowHeight}px`;
      input.style.height = `${rowHeight}px`;
    };
    const renderSub = term.onRender(place);

    let frame = 0;
    const resizeObserver = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(refit);
    });
    resizeObserver.observe(host);

    const colorScheme = window.matchMedia('(prefers-color-scheme: dark)');
    const onScheme = () => {
      term.options.theme = xtermTheme(host);
    };
    colorScheme.addEventListener('change', onScheme);

    const onKeyDown = (ev: KeyboardEvent) => controller.keydown(ev);
    const onInput = () => controller.redraw();
    const onPaste = (ev: ClipboardEvent) => controller.paste(ev);
    const onSelection = () => {
      if (document.activeElement === input) controller.redraw();
    };
    const onFocus = () => {
      term.options.cursorInactiveStyle = 'block';
    };
    const onBlur = () => {
      term.options.cursorInactiveStyle = 'outline';
    };
    // A click in the terminal (that is not a text selection) puts the caret in the input.
    const onMouseUp = () => {
      if (!term.hasSelection()) input.focus();
    };
    input.addEventListener('keydown', onKeyDown);
    input.addEventListener('input', onInput);
    input.addEventListener('paste', onPaste);
    input.addEventListener('focus', onFocus);
    input.addEventListener('blur', onBlur);
    document.addEventListener('selectionchange', onSelection);
    host.addEventListener('mouseup', onMouseUp);
    input.focus({ preventScroll: true });

    return () => {
      unsubscribe();
      renderSub.dispose();
      resizeObserver.disconnect();
      cancelAnimationFrame(frame);
      colorScheme.removeEventListener('change', onScheme);
      input.removeEventListener('keydown', onKeyDown);
      input.removeEventListener('input', onInput);
      input.removeEventListener('paste', onPaste);
      input.removeEventListener('focus', onFocus);
      input.removeEventListener('blur', onBlur);
      document.removeEventListener('selectionchange', onSelection);
      host.removeEventListener('mouseup', onMouseUp);
      helper?.removeEventListener('focus', onHelperFocus);
      term.dispose();
    };
  }, [store]);

  return (
    <div className="terminal-frame">
      <div className="terminal-host" ref={hostRef} aria-hidden="true" />
      <input
        ref={inputRef}
        className="terminal-input"
        type="text"
        aria-label="Terminal"
        aria-describedby="terminal-help"
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="send"
      />
      <p id="terminal-help" className="sr-only">
        Type a command and press Enter. Up and Down recall history, Tab completes, Control C stops a waiting command. Output is in the Terminal output region.
      </p>
    </div>
  );
}
