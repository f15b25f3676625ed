import { describe, expect, it } from 'vitest';
import { commandLines } from './scenarioLog';
import { realStore } from './realWorld.testkit';

describe('the inspector', () => {
  it('describes the selected pod through kubectl, with its events and the scheduler\'s decision', async () => {
    const store = await realStore({});
    store.getState().runCommand('kubectl create deployment web --image=nginx --replicas=1', 'prompt');
    store.frame(100);
    store.getState().setSpeed(10);
    for (let i = 0; i < 20; i++) store.frame(100);
    const pod = store.getState().snapshot.pods.find((p) => p.metadata?.name?.startsWith('web-'))!;
    const transcript = store.getState().transcript.length;
    store.getState().selectPod({ namespace: 'default', name: pod.metadata!.name! });
    const data = store.getState().inspector!;
    expect(data.exists).toBe(true);
    expect(data.describe).toContain(`Name:             ${pod.metadata!.name}`);
    expect(data.events.map((e) => e.reason)).toContain('Scheduled');
    expect(data.decision?.nodeName).toBe(pod.spec!.nodeName);
    // Reading is not a command: nothing echoed, nothing logged.
    expect(store.getState().transcript.length).toBe(transcript);
    expect(commandLines(store.getState().commandLog)).toEqual(['kubectl create deployment web --image=nginx --replicas=1']);
  });

  it('says when the selection is gone, and clears with the selection', async () => {
    const store = await realStore({});
    store.getState().select({ kind: 'Deployment', namespace: 'default', name: 'nope' });
    expect(store.getState().inspector).toMatchObject({ exists: false, describe: undefined, events: [] });
    store.getState().select({ kind: 'Node', name: 'worker-1' });
    expect(store.getState().selectedNode).toBe('worker-1');
    expect(store.getState().inspector?.describe).toContain('Name:               worker-1');
    store.getState().select(undefined);
    expect(store.getState().inspector).toBeUndefined();
  });

  it('keeps the latest events for the feed, in order', async () => {
    const store = await realStore({});
    store.getState().runCommand('kubectl run one --image=nginx', 'prompt');
    store.frame(100);
    const events = store.getState().snapshot.events;
    expect(events.at(-1)).toMatchObject({ object: { kind: 'Pod', name: 'one' } });
    for (let i = 1; i < events.length; i++) expect(events[i].lastAt).toBeGreaterThanOrEqual(events[i - 1].lastAt);
  });

  it('issues the Deployment and node actions as commands', async () => {
    const store = await realStore({});
    const ref = { kind: 'Deployment', namespace: 'default', name: 'web' } as const;
    store.getState().scaleDeployment(ref, 4);
    store.getState().restartDeployment(ref);
    store.getState().undoDeployment({ ...ref, namespace: 'team' });
    store.getState().drainNode('worker-2');
    expect(commandLines(store.getState().commandLog)).toEqual([
      'kubectl scale deployment web --replicas=4',
      'kubectl rollout restart deployment/web',
      'kubectl rollout undo deployment/web -n team',
      'kubectl drain worker-2 --ignore-daemonsets',
    ]);
  });
});
