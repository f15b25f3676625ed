import { describe, expect, it } from 'vitest';
import { commandLines, filesRecord, fromScenarioLog, toScenarioLog } from './scenarioLog';
import type { LoggedCommand } from './types';

const T0 = 1_000_000;

describe('toScenarioLog / fromScenarioLog', () => {
  const v1 = { 'web.yaml': 'replicas: 1\n' };
  const v2 = { 'web.yaml': 'replicas: 2\n', 'new.yaml': 'x: 1\n' };
  const log: LoggedCommand[] = [
    { at: T0 + 100, line: 'kubectl apply -f web.yaml', source: 'prompt', files: v1 },
    { at: T0 + 200, line: 'kubectl get pods', source: 'prompt', files: v1 },
    { at: T0 + 250, cancel: 'prompt' },
    { at: T0 + 300, line: 'kubectl apply -f .', source: 'ui', files: v2 },
    { at: undefined, line: 'never ran', source: 'prompt', files: v2 },
  ];

  it('writes times since the start, file versions before the commands that read them, and drops what never ran', () => {
    expect(toScenarioLog(log, { startTime: T0, files: v2, history: true })).toEqual([
      { at: 100, file: 'web.yaml', content: 'replicas: 1\n' },
      { at: 100, file: 'new.yaml' },
      { at: 100, line: 'kubectl apply -f web.yaml' },
      { at: 200, line: 'kubectl get pods' },
      { at: 250, cancel: 'prompt' },
      { at: 300, file: 'web.yaml', content: 'replicas: 2\n' },
      { at: 300, file: 'new.yaml', content: 'x: 1\n' },
      { at: 300, line: 'kubectl apply -f .', source: 'ui' },
    ]);
  });

  it('without history leaves out commands that only look', () => {
    expect(commandLines(fromScenarioLog(toScenarioLog(log, { startTime: T0, files: v2, history: false }), [], T0))).toEqual(['kubectl apply -f web.yaml', 'kubectl apply -f .']);
  });

  it('reads a scenario log back with each command\'s files', () => {
    const files = [{ name: 'web.yaml', content: 'replicas: 2\n' }, { name: 'new.yaml', content: 'x: 1\n' }];
    const back = fromScenarioLog(toScenarioLog(log, { startTime: T0, files: v2, history: true }), files, T0);
    expect(back).toEqual(log.slice(0, 4));
  });

  it('keeps a file named __proto__ as a file', () => {
    const files = filesRecord([{ name: '__proto__', content: 'a' }]);
    expect(Object.keys(files)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(files)).toBe(Object.prototype);
  });
});
