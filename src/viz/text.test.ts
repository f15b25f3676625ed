import { afterEach, describe, expect, it } from 'vitest';
import { memoizeVizText, setVizText, VIZ_TEXT_EN, vizText } from './text';

afterEach(() => setVizText(VIZ_TEXT_EN));

describe('the drawing words', () => {
  it('formats each distinct argument list once, however many pods ask', () => {
    const calls: string[] = [];
    setVizText({ ...VIZ_TEXT_EN, onNode: (node) => (calls.push(node), ` auf ${node}`) });
    for (let i = 0; i < 100; i++) vizText().onNode(i % 2 ? 'worker-1' : 'worker-2');
    expect(vizText().onNode('worker-1')).toBe(' auf worker-1');
    expect(calls).toEqual(['worker-2', 'worker-1']);
  });

  it('tells apart arguments that are objects by their contents', () => {
    const text = memoizeVizText(VIZ_TEXT_EN);
    const base = { name: 'web', state: 'complete', desired: 3, updated: 3, available: 3 };
    expect(text.deploymentLabel(base)).toBe('Deployment web, complete: 3 desired, 3 updated, 3 available');
    expect(text.deploymentLabel({ ...base, available: 2, revision: 2 })).toBe('Deployment web, complete: 3 desired, 3 updated, 2 available, revision 2');
    expect(text.podsOfCapacity(1, 110)).toBe('Pods 1 / 110');
    expect(text.podsOfCapacity(11, 10)).toBe('Pods 11 / 10');
  });

  it('keeps plain words and tables as they are', () => {
    const text = memoizeVizText(VIZ_TEXT_EN);
    expect(text.memory).toBe('Memory');
    expect(text.look.ready).toBe(VIZ_TEXT_EN.look.ready);
    expect(text.componentRole.etcd).toBe('storage');
  });
});
