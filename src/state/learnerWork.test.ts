import { describe, expect, it } from 'vitest';
import { WorkBaseline } from './learnerWork';
import type { LoggedCommand } from './types';

const STARTER = { 'web.yaml': 'kind: Deployment\n' };
const line = (text: string): LoggedCommand => ({ at: 0, line: text, source: 'prompt' });

describe('the learner’s work', () => {
  it('the starter files and no command are nothing to keep', () => {
    const b = new WorkBaseline(STARTER);
    expect(b.hasWork({ commandLog: [], files: { ...STARTER } })).toBe(false);
    expect(b.measure({ commandLog: [], files: STARTER })).toEqual({ commands: 0, files: 0 });
  });

  it('a command the learner issued is work; a Ctrl+C alone is not', () => {
    const b = new WorkBaseline(STARTER);
    expect(b.hasWork({ commandLog: [{ at: 0, cancel: 'prompt' }], files: STARTER })).toBe(false);
    expect(b.hasWork({ commandLog: [line('kubectl get pods')], files: STARTER })).toBe(true);
  });

  it('commands a lesson played are not the learner’s', () => {
    const b = new WorkBaseline(STARTER);
    const played = line('kubectl apply -f web.yaml');
    b.playedBy(played);
    expect(b.hasWork({ commandLog: [played], files: STARTER })).toBe(false);
    // The same text typed by the learner is theirs.
    expect(b.measure({ commandLog: [played, line('kubectl apply -f web.yaml')], files: STARTER }).commands).toBe(1);
  });

  it('a file changed, added or removed is work; one the page wrote is not', () => {
    const b = new WorkBaseline(STARTER);
    expect(b.hasWork({ commandLog: [], files: { 'web.yaml': 'kind: Service\n' } })).toBe(true);
    expect(b.hasWork({ commandLog: [], files: { ...STARTER, 'db.yaml': '' } })).toBe(true);
    expect(b.hasWork({ commandLog: [], files: {} })).toBe(true);
    b.wroteAll({ 'lesson.yaml': 'a' });
    b.wrote('step.yaml', 'b');
    expect(b.hasWork({ commandLog: [], files: { 'lesson.yaml': 'a', 'step.yaml': 'b' } })).toBe(false);
    expect(b.measure({ commandLog: [], files: { 'lesson.yaml': 'changed', 'step.yaml': 'b', 'mine.yaml': '' } }).files).toBe(2);
  });
});
