import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readLessonSources } from '../cli/playLesson';
import { preloadShellData } from '../shell/index';
import { createAppStore, type AppStore } from './appStore';
import { realFactory } from './realWorld.testkit';
import { memoryStorage, ScenarioShelf } from './scenarioShelf';

const SOURCES = readLessonSources(resolve(import.meta.dirname, '../..'));
const STARTER = { 'web.yaml': 'kind: ConfigMap\n' };

beforeAll(preloadShellData);

const stores: AppStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.stopAutosave();
});

async function frames(store: AppStore, done: () => boolean, max = 2000): Promise<void> {
  for (let i = 0; i < max && !done(); i++) {
    store.frame(16);
    await new Promise((r) => setTimeout(r, 0));
  }
}

/** A page with the lessons loaded; `storage` undefined: a browser that keeps nothing. */
async function page(storage: ReturnType<typeof memoryStorage> | undefined): Promise<AppStore> {
  const store = createAppStore(realFactory, { files: STARTER, welcome: [], storage, wallClock: () => 1_700_000_000_000, lessons: { load: () => Promise.resolve(SOURCES) } });
  stores.push(store);
  await store.ready;
  store.getState().showLessonList();
  await frames(store, () => store.getState().lessonCatalog.status !== 'loading');
  return store;
}

const lines = (store: AppStore) => store.getState().commandLog.flatMap((c) => ('line' in c ? [c.line] : []));

describe('starting a lesson over the learner’s work', () => {
  it('keeps the work as a scenario of its own, says which, and the lesson becomes another', async () => {
    const storage = memoryStorage();
    const store = await page(storage);
    store.getState().runCommand('kubectl create namespace mine');
    store.getState().editFile('web.yaml', 'kind: Secret\n');
    const before = store.getState().currentScenarioId;
    expect(before).toBeDefined();
    const result = store.getState().startLesson('self-healing', { scenarioName: 'Lesson: Self-healing' });
    expect(result).toEqual({ ok: true, kept: { id: before, name: expect.any(String) } });
    expect(store.getState().lessonKept).toEqual(result.ok ? result.kept : undefined);
    // The kept scenario holds the work exactly.
    const kept = new ScenarioShelf(storage).load(before ?? '');
    expect(kept.ok && kept.saved.scenario.log.flatMap((e) => ('line' in e ? [e.line] : []))).toEqual(['kubectl create namespace mine']);
    expect(kept.ok && kept.saved.scenario.files).toEqual([{ name: 'web.yaml', content: 'kind: Secret\n' }]);
    // The lesson's session is a new scenario, named after it; the editor holds only the lesson's files.
    expect(store.getState().files['web.yaml']).toContain('kind: Deployment');
    store.getState().saveNow();
    const current = store.getState().currentScenarioId;
    expect(current).not.toBe(before);
    expect(store.getState().savedScenarios.find((s) => s.id === current)?.name).toBe('Lesson: Self-healing');
    expect(store.getState().savedScenarios).toHaveLength(2);
  });

  it('Back to my work reopens the kept scenario and leaves the lesson, which stays on the shelf', async () => {
    const store = await page(memoryStorage());
    store.getState().runCommand('kubectl create namespace mine');
    const mine = store.getState().currentScenarioId;
    store.getState().startLesson('self-healing', { scenarioName: 'Lesson: Self-healing' });
    store.getState().runCommand('kubectl get pods');
    const result = await store.getState().backToKeptWork();
    expect(result).toEqual({ ok: true });
    expect(store.getState()).toMatchObject({ currentScenarioId: mine, lesson: undefined, lessonPanel: 'closed', lessonKept: undefined });
    expect(lines(store)).toEqual(['kubectl create namespace mine']);
    expect(store.getState().files).toEqual(STARTER);
    const lesson = store.getState().savedScenarios.find((s) => s.name === 'Lesson: Self-healing');
    expect(lesson?.commands).toBe(1);
  });

  it('keeps nothing when there is nothing of the learner’s (starter files, no command)', async () => {
    const store = await page(memoryStorage());
    const result = store.getState().startLesson('self-healing');
    expect(result).toEqual({ ok: true, kept: undefined });
    expect(store.getState().lessonKept).toBeUndefined();
  });

  it('what a lesson played and wrote is not the learner’s work: the next lesson keeps nothing', async () => {
    const store = await page(memoryStorage());
    store.getState().startLesson('self-healing');
    const playing = store.getState().showSolution();
    let settled = false;
    void playing.then(() => (settled = true));
    await frames(store, () => settled);
    expect(lines(store)).toContain('kubectl apply -f web.yaml');
    expect(store.getState().startLesson('scaling')).toEqual({ ok: true, kept: undefined });
  });

  it('when this browser cannot keep the work, the lesson waits for the learner to choose', async () => {
    const store = await page(undefined);
    store.getState().runCommand('kubectl create namespace mine');
    expect(store.getState().startLesson('self-healing')).toEqual({ ok: false, reason: 'unsaved-work' });
    expect(store.getState().lesson).toBeUndefined();
    expect(lines(store)).toEqual(['kubectl create namespace mine']);
    expect(store.getState().startLesson('self-healing', { discard: true })).toEqual({ ok: true, kept: undefined });
    expect(store.getState().lesson?.id).toBe('self-healing');
    expect(lines(store)).toEqual([]);
  });

  it('a full storage also waits for the learner, changing nothing', async () => {
    const storage = memoryStorage();
    const store = await page(storage);
    store.getState().runCommand('kubectl create namespace mine');
    // From now on nothing more fits.
    const full = storage.setItem;
    storage.setItem = (k, v) => {
      if (k.startsWith('kubeplay.scenario.')) throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      full(k, v);
    };
    store.getState().editFile('web.yaml', 'kind: Secret\n');
    expect(store.getState().startLesson('self-healing')).toEqual({ ok: false, reason: 'unsaved-work' });
    expect(store.getState().files['web.yaml']).toBe('kind: Secret\n');
  });

  it('the terminal says what the lesson started, in the words it is given', async () => {
    const store = await page(memoryStorage());
    store.getState().startLesson('self-healing', { notice: '课程“自我修复”：一个全新的集群。' });
    expect(store.getState().transcript.map((l) => l.text)).toContain('# 课程“自我修复”：一个全新的集群。');
  });
});

describe('Start again', () => {
  it('starts the lesson over: the steps done before are no longer marked', async () => {
    const store = await page(memoryStorage());
    store.getState().restoreLessonProgress({ 'self-healing': { step: 'delete-pod', done: ['deploy', 'delete-pod'] } });
    store.getState().startLesson('self-healing');
    expect(store.getState().lessonProgress['self-healing']).toEqual({ step: 'deploy', done: [] });
    expect(store.getState().lesson?.passed).toEqual([]);
  });
});
