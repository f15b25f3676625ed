import { describe, expect, it } from 'vitest';
import { commandLines } from './scenarioLog';
import { nodeAddCommand, nodeLabelCommand, nodeSetCommand, nodeTaintCommand, shellWord } from './nodeCommands';
import { realStore } from './realWorld.testkit';

/** A wall clock that moves 5 ms each time it is read: long commands yield after a few steps. */
function fakeWall() {
  let t = 0;
  return () => (t += 5);
}

const transcript = (store: Awaited<ReturnType<typeof realStore>>) => store.getState().transcript.map((l) => l.text);

describe('cluster-shape commands built from the controls', () => {
  it('builds kubeplay node add from the dialog fields, leaving empty ones out', () => {
    expect(nodeAddCommand({ name: ' worker-4 ', cpu: '8', memory: '', zone: 'zone-b', labels: 'disk=ssd, tier=web', taints: 'gpu=true:NoSchedule' })).toBe(
      'kubeplay node add worker-4 --cpu 8 --zone zone-b --label disk=ssd --label tier=web --taint gpu=true:NoSchedule',
    );
    expect(nodeAddCommand({})).toBe('kubeplay node add');
  });

  it('quotes what the shell would otherwise split or expand', () => {
    expect(shellWord('it\'s here')).toBe(`'it'\\''s here'`);
    expect(nodeLabelCommand('worker-1', 'disk=ssd')).toBe('kubectl label node worker-1 disk=ssd --overwrite');
    expect(nodeLabelCommand('worker-1', 'disk-')).toBe('kubectl label node worker-1 disk-');
    expect(nodeTaintCommand('worker-1', 'gpu:NoSchedule-')).toBe('kubectl taint node worker-1 gpu:NoSchedule-');
    expect(nodeSetCommand('worker-1', { cpu: '2', memory: ' ' })).toBe('kubeplay node set worker-1 --cpu 2');
    expect(nodeSetCommand('worker-1', {})).toBeUndefined();
  });
});

describe('time and shape actions go through the terminal', () => {
  it('Step issues kubeplay clock step and moves a paused clock one second', async () => {
    const store = await realStore({});
    store.getState().setSpeed(0);
    const t0 = store.getState().now;
    store.getState().step();
    store.frame(16);
    expect(store.getState().now - t0).toBe(1000);
    expect(transcript(store)).toContain('$ kubeplay clock step');
    expect(commandLines(store.getState().commandLog)).toEqual(['kubeplay clock step']);
  });

  it('Fast-forward runs over several frames, then reports, and the Deployment is Ready', async () => {
    const store = await realStore({}, fakeWall());
    store.getState().setSpeed(0);
    store.getState().runCommand('kubectl create deployment web --image=nginx:1.27 --replicas=3');
    store.getState().settle();
    expect(store.getState().settling).toBe(true);
    let frames = 0;
    while (store.getState().settling && frames < 10_000) {
      store.frame(16);
      frames++;
    }
    expect(frames).toBeGreaterThan(2);
    expect(transcript(store).some((l) => l.startsWith('Settled '))).toBe(true);
    store.getState().runCommand('kubectl get deployment web --no-headers');
    expect(transcript(store).at(-1)).toMatch(/^web\s+3\/3\s+3\s+3/);
  });

  it('holds the running clock while a fast-forward runs, so where it stops does not depend on frames', async () => {
    const a = await realStore({}, fakeWall());
    const b = await realStore({}, fakeWall());
    for (const [store, speed] of [[a, 30], [b, 0]] as const) {
      store.getState().setSpeed(speed);
      store.getState().runCommand('kubectl create deployment web --image=nginx:1.27 --replicas=3');
      store.getState().settle();
      for (let i = 0; i < 10_000 && store.getState().settling; i++) store.frame(16);
    }
    expect(a.getState().now).toBe(b.getState().now);
    expect(transcript(a).filter((l) => l.startsWith('Settled'))).toEqual(transcript(b).filter((l) => l.startsWith('Settled')));
  });

  it('Stop ends a fast-forward and says so', async () => {
    const store = await realStore({}, fakeWall());
    store.getState().runCommand('kubectl run crashy --image=busybox:1.36 -- sh -c "exit 1"');
    store.getState().settle();
    store.frame(16);
    expect(store.getState().settling).toBe(true);
    store.getState().stopSettle();
    expect(store.getState().settling).toBe(false);
    expect(transcript(store)).toContain('# Fast-forward stopped.');
  });

  it('Add node and Remove node issue kubeplay commands; the node appears in the snapshot and goes', async () => {
    const store = await realStore({});
    store.getState().addNode({ name: 'worker-4', zone: 'zone-b' });
    expect(transcript(store)).toContain('$ kubeplay node add worker-4 --zone zone-b');
    store.frame(16);
    expect(store.getState().snapshot.nodes.map((n) => n.metadata?.name)).toContain('worker-4');
    store.getState().labelNode('worker-4', 'disk=ssd');
    store.getState().taintNode('worker-4', 'gpu=true:NoSchedule');
    store.frame(16);
    const node = store.getState().snapshot.nodes.find((n) => n.metadata?.name === 'worker-4');
    expect(node?.metadata?.labels?.disk).toBe('ssd');
    expect(node?.spec?.taints).toEqual([{ key: 'gpu', value: 'true', effect: 'NoSchedule' }]);
    store.getState().removeNode('worker-4');
    store.frame(16);
    expect(store.getState().snapshot.nodes.map((n) => n.metadata?.name)).not.toContain('worker-4');
  });
});
