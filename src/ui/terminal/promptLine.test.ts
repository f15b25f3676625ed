import { describe, expect, it } from 'vitest';
import { drawPrompt, finishPrompt } from './promptLine';

const line = (value: string, cursor: number, cols = 10) => ({ prompt: '$ ', promptWidth: 2, value, cursor, cols });

describe('drawPrompt', () => {
  it('draws a short line with the cursor at the end', () => {
    const d = drawPrompt(0, line('ls', 2));
    expect(d.sequence).toBe('\r\x1b[J$ ls\r\x1b[4C');
    expect(d.cursorRow).toBe(0);
  });

  it('moves up to the first row before erasing a wrapped line', () => {
    const d = drawPrompt(1, line('abcdefghijkl', 12));
    expect(d.sequence.startsWith('\x1b[1A\r\x1b[J')).toBe(true);
    expect(d.cursorRow).toBe(1);
  });

  it('handles a line that exactly fills its row', () => {
    // 2 + 8 = 10 columns: the cursor belongs at the start of row 1.
    const d = drawPrompt(0, line('abcdefgh', 8));
    expect(d.sequence).toBe('\r\x1b[J$ abcdefgh\r\n\r');
    expect(d.cursorRow).toBe(1);
  });

  it('shows a selected part in inverse video, the cursor at its start', () => {
    const d = drawPrompt(0, { ...line('rm <pod>', 3, 20), selected: [3, 8] });
    expect(d.sequence).toBe('\r\x1b[J$ rm \x1b[7m<pod>\x1b[27m\r\x1b[5C');
  });

  it('places the cursor inside a wrapped line', () => {
    const d = drawPrompt(0, line('abcdefghijkl', 1));
    // end on row 1, cursor at column 3 of row 0
    expect(d.sequence.endsWith('\x1b[1A\r\x1b[3C')).toBe(true);
    expect(d.cursorRow).toBe(0);
  });
});

describe('finishPrompt', () => {
  it('moves below the end of the text', () => {
    expect(finishPrompt(0, line('abcdefghijkl', 1))).toBe('\x1b[1B\r\n');
    expect(finishPrompt(0, line('ls', 2))).toBe('\r\n');
    expect(finishPrompt(1, line('abcdefgh', 8))).toBe('\r');
  });
});
