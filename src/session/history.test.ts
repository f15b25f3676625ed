import { describe, expect, it } from 'vitest';
import { forkAt, isLookOnly, redoStep, undoStep } from './history';
import type { LogEntry } from './scenario';

describe('isLookOnly', () => {
  it('tells commands that only read from those that change the cluster', () => {
    for (const line of ['kubectl get pods -o wide', 'kubectl describe deploy web', 'kubectl rollout status deployment/web', 'kubectl rollout history deploy/web', 'kubectl logs web-1', 'kubectl config view', 'kubeplay help', 'help', 'sleep 5', 'kubectl --help', 'kubectl -n kube-system get pods', 'kubectl logs web-1 -f', 'kubectl apply --help', 'kubectl wait --for=condition=Available deployment/web', 'kubectl top pods'])
      expect(isLookOnly(line), line).toBe(true);
    for (const line of ['kubectl scale deployment web --replicas=5', 'kubectl apply -f web.yaml', 'kubectl rollout undo deployment/web', 'kubectl rollout restart deploy/web', 'kubeplay node stop worker-2', 'kubeplay clock step', 'kubectl exec web-1 -- kill 1', 'kubectl config set-context x', 'frobnicate', "kubectl get 'unclosed", 'kubectl -n web scale deployment web --replicas=3', 'kubectl diff -f web.yaml'])
      expect(isLookOnly(line), line).toBe(false);
  });

  it('counts a command that writes a file of the editor as a change, and one that only silences a stream as a look', () => {
    expect(isLookOnly('kubectl get deploy web -o yaml > web.yaml')).toBe(false);
    expect(isLookOnly('kubectl get pods -o name >> names.txt')).toBe(false);
    expect(isLookOnly('kubectl get pods 2>/dev/null')).toBe(true);
    expect(isLookOnly('kubectl get pods >/dev/null 2>&1')).toBe(true);
    expect(isLookOnly('kubectl apply -f - <<EOF\nkind: Namespace\nEOF')).toBe(false);
  });

  it('counts a background job as a change: later lines name it (kill %1)', () => {
    expect(isLookOnly('kubectl get pods -w &')).toBe(false);
    expect(isLookOnly('sleep 5 &')).toBe(false);
  });
});

describe('isLookOnly for docker', () => {
  it('tells swarm reads (ls, ps, inspect, stack services, join-token, help) from changes', () => {
    for (const line of ['docker node ls', 'docker service ps web', 'docker service inspect --pretty web', 'docker -H worker1 node ls', 'docker stack services vote', 'docker swarm join-token worker', 'docker service create --help', 'docker', 'docker service'])
      expect(isLookOnly(line), line).toBe(true);
    for (const line of ['docker service create --name web nginx', 'docker service scale web=3', 'docker node update --availability drain worker1', 'docker -H worker2 swarm leave', 'docker stack deploy -c a.yml vote', 'docker service rollback web'])
      expect(isLookOnly(line), line).toBe(false);
  });
});

describe('isLookOnly with pipes', () => {
  it('a pipeline looks only when every command in it does', () => {
    for (const line of ['kubectl get pods | grep web', 'kubectl get pods -o name | wc -l', `kubectl get secret db -o jsonpath='{.data.password}' | base64 -d`, 'kubectl get events | tail -5 | sort'])
      expect(isLookOnly(line), line).toBe(true);
    for (const line of ['kubectl create deployment web --image=nginx --dry-run=client -o yaml | kubectl apply -f -', 'kubectl get pods |', 'echo x | frobnicate'])
      expect(isLookOnly(line), line).toBe(false);
  });
});

describe('isLookOnly with shell variables', () => {
  it('keeps assignments (later lines read them) and any line whose substitution changes the cluster', () => {
    for (const line of ['echo $POD', 'kubectl get pod $POD', 'kubectl get $(kubectl get pods -o name | head -1)', 'echo "$(echo `kubectl get pods`)"'])
      expect(isLookOnly(line), line).toBe(true);
    for (const line of ["POD=$(kubectl get pods -o jsonpath='{.items[0].metadata.name}')", 'export NS=web', 'unset POD', 'kubectl get $(kubectl delete pod web-1 -o name)', 'echo "$(echo `kubectl scale deploy web --replicas=2`)"', 'A=1 kubectl get pods'])
      expect(isLookOnly(line), line).toBe(false);
  });
});

describe('isLookOnly with command lists', () => {
  it('a list looks only when every command in it does', () => {
    expect(isLookOnly('kubectl get pods; kubectl describe deploy web || echo none')).toBe(true);
    expect(isLookOnly('kubectl get pods && kubectl delete pod web-1')).toBe(false);
    expect(isLookOnly('kubectl scale deploy web --replicas=2; kubectl get pods')).toBe(false);
  });
});

describe('isLookOnly with loops and conditions', () => {
  it('looks at the commands inside: a loop that only reads is a look, one that changes or sets a for variable is not', () => {
    expect(isLookOnly('while true; do kubectl get pods; sleep 2; done')).toBe(true);
    expect(isLookOnly('until kubectl get pod web\ndo\n  sleep 1\ndone')).toBe(true);
    expect(isLookOnly('if ! kubectl get deploy web; then echo missing; fi')).toBe(true);
    expect(isLookOnly('while true; do kubectl delete pod web-1; sleep 2; done')).toBe(false);
    expect(isLookOnly('if kubectl get deploy web; then kubectl scale deploy web --replicas=1; fi')).toBe(false);
    // `for` sets its variable, which later lines may read.
    expect(isLookOnly('for p in $(kubectl get pods -o name); do kubectl get $p; done')).toBe(false);
    expect(isLookOnly('kubectl get pods -o name | while read p; do kubectl delete $p; done')).toBe(false);
    expect(isLookOnly('kubectl get pods -n ${NS:=default}')).toBe(false);
    expect(isLookOnly('kubectl get pods -n ${NS:-default}')).toBe(true);
    expect(isLookOnly('watch -n 1 kubectl get pods')).toBe(true);
    expect(isLookOnly("watch 'kubectl delete pod web-1'")).toBe(false);
  });
});

describe('undoStep', () => {
  const log: LogEntry[] = [
    { at: 100, line: 'kubectl apply -f web.yaml' },
    { at: 900, line: 'kubectl get pods -w' },
    { at: 1500, cancel: 'prompt' },
    { at: 2000, line: 'kubectl scale deployment web --replicas=5', source: 'ui' },
    { at: 2500, line: 'kubectl get pods' },
    { at: 2600, cancel: 'prompt' },
    { at: 3000, line: 'kubectl describe deploy web' },
  ];

  it('takes the last change with the looks after it, so undo after a look reverts the change', () => {
    const step = undoStep(log);
    expect(step?.line).toBe('kubectl scale deployment web --replicas=5');
    expect(step?.kept).toEqual(log.slice(0, 3));
    expect(step?.removed).toEqual(log.slice(3));
    expect(undoStep(step?.kept ?? [])?.kept).toEqual([]);
  });

  it('gives back the last command when there are only looks, and nothing for an empty log', () => {
    expect(undoStep([{ at: 1, line: 'kubectl get pods' }, { at: 2, line: 'kubectl get nodes' }])).toEqual({ kept: [{ at: 1, line: 'kubectl get pods' }], removed: [{ at: 2, line: 'kubectl get nodes' }], line: 'kubectl get nodes' });
    expect(undoStep([])).toBeUndefined();
    expect(undoStep([{ at: 1, cancel: 'settle' }])).toBeUndefined();
  });

  it('redo puts the removed entries back at their own times', () => {
    const step = undoStep(log);
    if (!step) throw new Error('no step');
    expect(redoStep(step.kept, step.removed)).toEqual(log);
  });
});

describe('forkAt', () => {
  it('keeps what ran up to and including the moment, and drops the future', () => {
    const log: LogEntry[] = [
      { at: 100, line: 'a' },
      { at: 200, line: 'b' },
      { at: 300, line: 'c' },
    ];
    expect(forkAt(log, 200)).toEqual({ kept: log.slice(0, 2), dropped: log.slice(2) });
    expect(forkAt(log, 50)).toEqual({ kept: [], dropped: log });
    expect(forkAt(log, 300)).toEqual({ kept: log, dropped: [] });
  });
});

describe('undoStep with file versions', () => {
  it('takes the file versions written for the command along with it', () => {
    const log: LogEntry[] = [
      { at: 100, line: 'kubectl apply -f web.yaml' },
      { at: 900, file: 'web.yaml', content: 'replicas: 5\n' },
      { at: 900, line: 'kubectl apply -f web.yaml' },
    ];
    expect(undoStep(log)).toEqual({ kept: log.slice(0, 1), removed: log.slice(1), line: 'kubectl apply -f web.yaml' });
  });
});
