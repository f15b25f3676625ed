import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLessonSources } from '../cli/playLesson';
import { preloadShellData } from '../shell/index';
import type { AppStore } from './appStore';
import { markOf, quizAnswered } from './lessonSlice';
import { realStore } from './realWorld.testkit';

const SOURCES = readLessonSources(resolve(import.meta.dirname, '../..'));

beforeAll(preloadShellData);

/** Runs frames (16 ms of real time each) until `done` holds or the frames run out. */
async function frames(store: AppStore, done: () => boolean, max = 2000): Promise<void> {
  for (let i = 0; i < max && !done(); i++) {
    store.frame(16);
    await new Promise((r) => setTimeout(r, 0));
  }
}

async function lessonStore(): Promise<AppStore> {
  const store = await realStore({ 'web.yaml': 'kind: ConfigMap\n' }, undefined, { load: () => Promise.resolve(SOURCES) });
  store.getState().showLessonList();
  await frames(store, () => store.getState().lessonCatalog.status !== 'loading');
  return store;
}

const text = (store: AppStore) =>
  store
    .getState()
    .transcript.map((l) => l.text)
    .join('\n');

describe('lesson slice', () => {
  it('loads the lessons when the list first opens', async () => {
    const store = await lessonStore();
    const { lessonCatalog, lessonPanel } = store.getState();
    expect(lessonPanel).toBe('list');
    expect(lessonCatalog.status).toBe('ready');
    expect(lessonCatalog.lessons.map((l) => l.id)).toEqual(expect.arrayContaining(['self-healing', 'rolling-updates']));
  });

  it('starting a lesson builds its cluster, opens its files and starts step 1 with a failing check', async () => {
    const store = await lessonStore();
    store.getState().startLesson('self-healing');
    const s = store.getState();
    expect(s.lessonPanel).toBe('lesson');
    expect(s.lesson).toMatchObject({
      id: 'self-healing',
      step: 0,
      satisfied: false,
    });
    expect(s.activeFile).toBe('web.yaml');
    expect(s.files['web.yaml']).toContain('kind: Deployment');
    expect(text(store)).toContain('# Lesson "Self-healing": a fresh cluster (control-plane, worker-1..3).');
    expect(s.lessonProgress['self-healing']).toEqual({
      step: 'deploy',
      done: [],
    });
    await frames(store, () => store.getState().lesson?.check !== undefined);
    expect(store.getState().lesson?.check?.pass).toBe(false);
    expect(store.getState().lesson?.satisfied).toBe(false);
  });

  it('Show solution types the commands in the terminal, drives their waits and turns the check green', async () => {
    const store = await lessonStore();
    store.getState().startLesson('self-healing');
    const playing = store.getState().showSolution();
    expect(store.getState().lesson?.playing).toBe('solution');
    let settled = false;
    void playing.then(() => (settled = true));
    await frames(store, () => settled);
    expect(settled).toBe(true);
    expect(text(store)).toContain('$ kubectl apply -f web.yaml');
    expect(text(store)).toContain('$ kubectl rollout status deployment/web');
    expect(store.getState().commandLog.flatMap((c) => ('line' in c ? [[c.line, c.source]] : []))).toContainEqual(['kubectl rollout status deployment/web', 'ui']);
    await frames(store, () => store.getState().lesson?.satisfied === true, 100);
    expect(store.getState().lesson).toMatchObject({
      satisfied: true,
      playing: undefined,
      passed: ['deploy'],
    });
    expect(store.getState().lessonProgress['self-healing'].done).toEqual(['deploy']);
    const entry = store.getState().lessonCatalog.lessons.find((l) => l.id === 'self-healing');
    expect(entry && markOf(store.getState().lessonProgress, entry)).toBe('in-progress');
  });

  it('a pod killed from the cluster view satisfies the delete-pod step by itself', async () => {
    const store = await lessonStore();
    store.getState().startLesson('self-healing');
    const done = store.getState().showSolution();
    let settled = false;
    void done.then(() => (settled = true));
    await frames(store, () => settled);
    store.getState().goToStep(1);
    expect(store.getState().lesson).toMatchObject({
      step: 1,
      satisfied: false,
      hints: 0,
    });
    await frames(store, () => store.getState().lesson?.check !== undefined);
    expect(store.getState().lesson?.satisfied).toBe(false);
    const pod = store.getState().snapshot.pods.find((p) => p.metadata?.labels?.app === 'web');
    store.getState().killPod({ namespace: 'default', name: pod?.metadata?.name ?? '' });
    store.getState().setSpeed(30);
    await frames(store, () => store.getState().lesson?.satisfied === true, 1000);
    expect(store.getState().lesson?.satisfied).toBe(true);
    expect(store.getState().lessonProgress['self-healing'].done).toEqual(['deploy', 'delete-pod']);
  });

  it('Stop ends a solution like Ctrl+C, and the step stays unsatisfied', async () => {
    const store = await lessonStore();
    store.getState().startLesson('self-healing');
    const step =
      store
        .getState()
        .lessonCatalog.lessons.find((l) => l.id === 'self-healing')
        ?.translations.en.steps.findIndex((s) => s.id === 'crash-loop') ?? -1;
    store.getState().goToStep(step);
    expect(store.getState().files['crasher.yaml']).toContain('name: crasher');
    expect(store.getState().activeFile).toBe('crasher.yaml');
    const playing = store.getState().showSolution();
    await frames(store, () => text(store).includes('$ sleep 1m'));
    store.getState().stopSolution();
    await playing;
    expect(store.getState().lesson).toMatchObject({
      playing: undefined,
      satisfied: false,
      playProblem: undefined,
    });
    expect(store.getState().busy).toBe(false);
    expect(text(store)).toMatch(/\$ sleep 1m\n\^C/);
  });

  it('a step shows the cluster it is about: the swarm, both, or (in a lesson that names views) the Kubernetes cluster', async () => {
    const store = await lessonStore();
    store.getState().setViewMode('side-by-side');
    store.getState().startLesson('self-healing');
    expect(store.getState().viewMode).toBe('side-by-side');
    store.getState().startLesson('vs-swarm-architecture');
    expect(store.getState().viewMode).toBe('kubernetes');
    store.getState().goToStep(1);
    expect(store.getState().lesson?.step).toBe(1);
    expect(store.getState().viewMode).toBe('swarm');
    store.getState().goToStep(2);
    expect(store.getState().viewMode).toBe('kubernetes');
  });

  it('hints are revealed one at a time, up to the step’s count', async () => {
    const store = await lessonStore();
    store.getState().startLesson('self-healing');
    store.getState().revealHint();
    store.getState().revealHint();
    expect(store.getState().lesson?.hints).toBe(1);
  });

  it('a quiz is answered by exactly its right options', () => {
    const quiz = {
      question: 'q',
      options: [
        { text: 'a', correct: true },
        { text: 'b', correct: false },
        { text: 'c', correct: true },
      ],
    };
    expect(quizAnswered(quiz, [0, 2])).toBe(true);
    expect(quizAnswered(quiz, [0])).toBe(false);
    expect(quizAnswered(quiz, [0, 1, 2])).toBe(false);
    expect(quizAnswered(quiz, [])).toBe(false);
  });
});

describe('a scenario with a lesson step', () => {
  it('opens that lesson at that step on the loaded cluster, without resetting it', async () => {
    const store = await realStore({ 'web.yaml': 'kind: ConfigMap\n' }, undefined, { load: () => Promise.resolve(SOURCES) });
    store.getState().runCommand('kubectl create namespace kept');
    store.setState({ lessonStep: { id: 'rolling-updates', step: 2 } });
    await frames(store, () => store.getState().lesson !== undefined, 200);
    expect(store.getState()).toMatchObject({ lessonPanel: 'lesson', lesson: { id: 'rolling-updates', step: 2 } });
    expect(store.getState().lessonStep).toEqual({ id: 'rolling-updates', step: 2 });
    expect(store.getState().files['web.yaml']).toBe('kind: ConfigMap\n');
    expect(text(store)).not.toContain('# Lesson');
  });
});
