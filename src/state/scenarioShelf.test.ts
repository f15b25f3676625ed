import { describe, expect, it } from 'vitest';
import type { Scenario } from '../session/scenario';
import { LEGACY_FILES_KEY, memoryStorage, ScenarioShelf } from './scenarioShelf';

const scenario = (lines: string[]): Scenario => ({
  version: 1,
  files: [{ name: 'web.yaml', content: 'kind: Deployment\n' }],
  cluster: {},
  seed: 1,
  log: lines.map((line, i) => ({ at: 1000 * (i + 1), line })),
  endAt: 1000 * (lines.length + 1),
});

function shelf(storage = memoryStorage()) {
  let t = 1_000;
  let n = 0;
  return { storage, shelf: new ScenarioShelf(storage, () => (t += 10), () => `id${++n}`) };
}

describe('ScenarioShelf', () => {
  it('keeps several named scenarios, lists the latest saved first, and reopens the current one', () => {
    const { shelf: s } = shelf();
    const a = s.create('First');
    expect(s.save(a, { scenario: scenario(['kubectl apply -f web.yaml']), redo: [] })).toEqual({ ok: true });
    const b = s.create('Second');
    s.save(b, { scenario: scenario(['kubectl get pods', 'kubectl scale deploy web --replicas=2']), activeFile: 'web.yaml', redo: [[{ at: 5000, line: 'kubectl delete deploy web' }]] });
    expect(s.list().map((i) => [i.name, i.commands])).toEqual([
      ['Second', 2],
      ['First', 1],
    ]);
    expect(s.currentId()).toBe(b);
    const loaded = s.load(b);
    expect(loaded.ok && loaded.saved.scenario.log.map((e) => ('line' in e ? e.line : ''))).toEqual(['kubectl get pods', 'kubectl scale deploy web --replicas=2']);
    expect(loaded.ok && loaded.saved.redo).toEqual([[{ at: 5000, line: 'kubectl delete deploy web' }]]);
    expect(loaded.ok && loaded.saved.activeFile).toBe('web.yaml');
    s.setCurrent(a);
    expect(s.currentId()).toBe(a);
  });

  it('renames (trimmed, no control characters, never empty) and deletes', () => {
    const { shelf: s, storage } = shelf();
    const a = s.create('One');
    s.save(a, { scenario: scenario([]), redo: [] });
    expect(s.rename(a, '  Rolling\nupdate  ')).toBe(true);
    expect(s.list()[0].name).toBe('Rolling update');
    expect(s.rename(a, '   ')).toBe(false);
    expect(s.rename('nope', 'x')).toBe(false);
    s.remove(a);
    expect(s.list()).toEqual([]);
    expect(s.currentId()).toBeUndefined();
    expect([...storage.data.keys()].filter((k) => k.includes(a))).toEqual([]);
  });

  it('says when storage is full instead of throwing, and keeps the older save', () => {
    const { shelf: s } = shelf(memoryStorage(2000));
    const a = s.create('Small');
    expect(s.save(a, { scenario: scenario(['kubectl get pods']), redo: [] })).toEqual({ ok: true });
    const big = scenario([]);
    big.files = [{ name: 'big.yaml', content: 'x'.repeat(5000) }];
    expect(s.save(a, { scenario: big, redo: [] })).toEqual({ ok: false, reason: 'full' });
    const kept = s.load(a);
    expect(kept.ok && kept.saved.scenario.log.length).toBe(1);
  });

  it('reads damaged or hostile records as a message, never a throw', () => {
    const { shelf: s, storage } = shelf();
    const a = s.create('Broken');
    storage.setItem(`kubeplay.scenario.v1.${a}`, '{not json');
    expect(s.load(a)).toEqual({ ok: false, error: 'the saved scenario is damaged (not JSON)' });
    storage.setItem(`kubeplay.scenario.v1.${a}`, JSON.stringify({ scenario: { version: 99 } }));
    expect(s.load(a)).toMatchObject({ ok: false, error: expect.stringMatching(/newer Kubeplay/) });
    storage.setItem('kubeplay.scenarios.v1', '[1,2');
    expect(s.list()).toEqual([]);
    expect(new ScenarioShelf(undefined).save('x', { scenario: scenario([]), redo: [] })).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('takes over the files the editor kept before scenarios existed, once', () => {
    const { shelf: s, storage } = shelf();
    storage.setItem(LEGACY_FILES_KEY, JSON.stringify({ files: { 'a.yaml': 'a', 'b.yaml': 'b', bad: 3 }, order: ['b.yaml', 'a.yaml', 'gone'], active: 'a.yaml' }));
    expect(s.takeLegacyFiles()).toEqual({ files: { 'a.yaml': 'a', 'b.yaml': 'b' }, order: ['b.yaml', 'a.yaml'], active: 'a.yaml' });
    expect(s.takeLegacyFiles()).toBeUndefined();
  });
});
