import { describe, expect, it } from 'vitest';
import { lessonMark, readSavedProgress, stepsDone, withStepDone } from './lessonProgress';

const steps = ['deploy', 'delete-pod', 'crash'];

describe('lesson progress', () => {
  it('marks a lesson not started, in progress, then done when every step has passed', () => {
    expect(lessonMark(undefined, steps)).toBe('not-started');
    let p = withStepDone(undefined, 'deploy');
    expect(p).toEqual({ step: 'deploy', done: ['deploy'] });
    expect(lessonMark(p, steps)).toBe('in-progress');
    p = withStepDone(withStepDone(p, 'delete-pod'), 'crash');
    expect(lessonMark(p, steps)).toBe('done');
    expect(stepsDone(p, steps)).toBe(3);
    expect(withStepDone(p, 'crash')).toBe(p);
  });

  it('counts only the steps the lesson still has', () => {
    const p = { step: 'deploy', done: ['deploy', 'old-step'] };
    expect(stepsDone(p, steps)).toBe(1);
    expect(lessonMark({ step: 'deploy', done: ['old-step'] }, steps)).toBe('in-progress');
  });

  it('reads saved progress leniently: malformed entries are dropped, duplicates merged', () => {
    expect(readSavedProgress(null)).toEqual({});
    expect(readSavedProgress([1, 2])).toEqual({});
    expect(
      readSavedProgress({
        'self-healing': {
          step: 'crash',
          done: ['deploy', 'deploy', 7, 'Bad Id'],
        },
        'Not An Id': { step: 'a', done: [] },
        'rolling-updates': { step: 3, done: [] },
        scaling: 'yes',
      }),
    ).toEqual({ 'self-healing': { step: 'crash', done: ['deploy'] } });
  });
});
