/**
 * What the learner has done in each lesson, by lesson id and step id (ids are
 * the same in every language, so progress survives a language switch and a
 * translation's rewording). Plain data: the page keeps it in localStorage.
 */
export interface LessonProgress {
  /** The step the learner was on last. */
  readonly step: string;
  /** Steps whose check has passed at least once, in the order they passed. */
  readonly done: readonly string[];
}

/** A lesson's mark in the list. */
export type LessonMark = 'not-started' | 'in-progress' | 'done';

/** `done` when every step has passed once; `in-progress` once started. */
export function lessonMark(progress: LessonProgress | undefined, stepIds: readonly string[]): LessonMark {
  if (!progress) return 'not-started';
  return stepIds.length > 0 && stepIds.every((id) => progress.done.includes(id)) ? 'done' : 'in-progress';
}

/** Steps of `stepIds` done (ids a newer lesson no longer has do not count). */
export function stepsDone(progress: LessonProgress | undefined, stepIds: readonly string[]): number {
  return progress ? stepIds.filter((id) => progress.done.includes(id)).length : 0;
}

/** The progress with `stepId` done (the same object when it already was). */
export function withStepDone(progress: LessonProgress | undefined, stepId: string): LessonProgress {
  if (progress?.done.includes(stepId)) return progress;
  return {
    step: progress?.step ?? stepId,
    done: [...(progress?.done ?? []), stepId],
  };
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Saved progress read back (from storage, so untrusted): entries that are not
 * well-formed are dropped, never thrown at.
 * @example readSavedProgress(JSON.parse(localStorage.getItem(KEY) ?? '{}'))
 */
export function readSavedProgress(saved: unknown): Record<string, LessonProgress> {
  const out: Record<string, LessonProgress> = {};
  if (typeof saved !== 'object' || saved === null || Array.isArray(saved)) return out;
  for (const [id, value] of Object.entries(saved as Record<string, unknown>)) {
    if (!ID.test(id) || typeof value !== 'object' || value === null) continue;
    const { step, done } = value as { step?: unknown; done?: unknown };
    if (typeof step !== 'string' || !ID.test(step) || !Array.isArray(done)) continue;
    out[id] = {
      step,
      done: [...new Set(done.filter((d): d is string => typeof d === 'string' && ID.test(d)))],
    };
  }
  return out;
}
