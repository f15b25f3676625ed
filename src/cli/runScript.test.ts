import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/k8s/index';
import { runScript } from './runScript';

const play = (script: string) => {
  let out = '';
  runScript(script, { cluster: createCluster({ seed: 1 }), files: { read: () => undefined }, write: (t) => (out += t) });
  return out;
};

describe('runScript', () => {
  it('runs a line ending in & in the background: a watch prints what the next commands change, then ends at its timeout', () => {
    const out = play(['kubectl get configmaps -l w=1 -w --output-watch-events --request-timeout=10s &', 'kubectl create configmap a --from-literal=k=v', 'kubectl label configmap a w=1', 'kubectl delete configmap a', 'kubectl get configmaps -l w=1'].join('\n'));
    expect(out.split('\n').map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([
      '$ kubectl get configmaps -l w=1 -w --output-watch-events --request-timeout=10s &',
      '$ kubectl create configmap a --from-literal=k=v',
      'configmap/a created',
      '$ kubectl label configmap a w=1',
      'EVENT NAME DATA AGE',
      'ADDED a 1 0s',
      'configmap/a labeled',
      '$ kubectl delete configmap a',
      'DELETED a 1 0s',
      'configmap "a" deleted',
      '$ kubectl get configmaps -l w=1',
      'No resources found in default namespace.',
      '',
    ]);
  });

  it('stops a background command without a timeout at the end of the script, as Ctrl+C would', () => {
    const out = play('kubectl get configmaps -w &\nkubectl get namespaces default');
    expect(out.endsWith('play: the script ended; stopped the background command "kubectl get configmaps -w" (as Ctrl+C would)\n')).toBe(true);
  });
});
