import { describe, expect, it } from 'vitest';
import { inertOutput } from './inertOutput';

describe('inertOutput', () => {
  it('keeps text, colors and clearing', () => {
    expect(inertOutput('plain <script>x</script>\n')).toBe('plain <script>x</script>\n');
    expect(inertOutput('\x1b[31mred\x1b[0m \x1b[H\x1b[2J')).toBe('\x1b[31mred\x1b[0m \x1b[H\x1b[2J');
  });

  it('removes hyperlinks, title changes, clipboard writes and device strings', () => {
    expect(inertOutput('\x1b]8;;https://evil.example\x07click me\x1b]8;;\x07')).toBe('click me');
    expect(inertOutput('a\x1b]0;pwned\x1b\\b')).toBe('ab');
    expect(inertOutput('a\x1b]52;c;ZXZpbA==\x07b')).toBe('ab');
    expect(inertOutput('a\x1bPq#0;2;0;0;0\x1b\\b')).toBe('ab');
    expect(inertOutput('a\x9d0;title\x9cb')).toBe('ab');
    expect(inertOutput('cut \x1b]0;unterminated')).toBe('cut ');
  });
});
