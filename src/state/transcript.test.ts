import { describe, expect, it } from 'vitest';
import { stripAnsi, Transcript } from './transcript';

describe('Transcript', () => {
  it('joins chunks that end mid-line and splits chunks that hold several lines', () => {
    const t = new Transcript();
    t.append('NAME   STATUS\nworker-1');
    t.append('   Ready\nworker-2   Ready\n');
    expect(t.snapshot().map((l) => l.text)).toEqual(['NAME   STATUS', 'worker-1   Ready', 'worker-2   Ready']);
  });

  it('keeps stable ids for React keys, also for a line completed later', () => {
    const t = new Transcript();
    t.append('a');
    const [first] = t.snapshot();
    t.append('b\n');
    expect(t.snapshot()[0]).toEqual({ id: first.id, text: 'ab' });
  });

  it('keeps only the last lines, at least 500', () => {
    const t = new Transcript(500);
    for (let i = 0; i < 800; i++) t.appendLine(`line ${i}`);
    const lines = t.snapshot();
    expect(lines).toHaveLength(500);
    expect(lines[0].text).toBe('line 300');
    expect(lines[499].text).toBe('line 799');
  });

  it('strips colors and cursor movement', () => {
    expect(stripAnsi('\x1b[1;34m$\x1b[0m kubectl\r\n')).toBe('$ kubectl\n');
  });

  it('keeps only the latest screen a program draws on the alternate screen (watch), and none once it leaves', () => {
    const t = new Transcript();
    t.append('$ echo before\nbefore\n$ watch kubectl get pods\n');
    t.append('\x1b[?1049h\x1b[H\x1b[2JEvery 2.0s: kubectl get pods\n\nweb-1 Pending\n');
    t.append('\x1b[H\x1b[2JEvery 2.0s: kubectl get pods\n\nweb-1 Running\n');
    expect(t.snapshot().map((l) => l.text)).toEqual(['$ echo before', 'before', '$ watch kubectl get pods', 'Every 2.0s: kubectl get pods', '', 'web-1 Running']);
    t.append('\x1b[?1049l');
    t.appendLine('^C');
    expect(t.snapshot().map((l) => l.text)).toEqual(['$ echo before', 'before', '$ watch kubectl get pods', '^C']);
    // `clear` on the normal screen leaves the transcript as it was.
    t.append('\x1b[H\x1b[2J\x1b[3J');
    expect(t.snapshot()).toHaveLength(4);
  });

  it('appendLine closes an open line first', () => {
    const t = new Transcript();
    t.append('partial');
    t.appendLine('$ next');
    expect(t.snapshot().map((l) => l.text)).toEqual(['partial', '$ next']);
  });

  it('counts changes so that a store publishes only new transcripts', () => {
    const t = new Transcript();
    const v = t.version;
    t.append('');
    expect(t.version).toBe(v);
    t.append('x\n');
    expect(t.version).toBe(v + 1);
  });
});
