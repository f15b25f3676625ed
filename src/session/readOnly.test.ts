import { describe, expect, it } from 'vitest';
import { isReadOnlyCommand } from './readOnly';

describe('isReadOnlyCommand', () => {
  it.each([
    'kubectl get pods -o wide',
    'kubectl -n kube-system get pods',
    'kubectl describe deployment web',
    'kubectl logs web-1 -f',
    'kubectl rollout status deployment/web',
    'kubectl rollout history deployment/web',
    'kubectl config view',
    'kubectl wait --for=condition=Available deployment/web',
    'kubectl apply --help',
    'kubeplay help',
    'echo hi',
    'sleep 5s',
    'nosuchcommand',
  ])('%s only looks', (line) => expect(isReadOnlyCommand(line)).toBe(true));

  it.each([
    'kubectl apply -f web.yaml',
    'kubectl -n web scale deployment web --replicas=3',
    'kubectl rollout undo deployment/web',
    'kubectl config set-context --current --namespace=web',
    'kubectl exec web-1 -- sh -c "rm -rf /data"',
    'kubectl diff -f web.yaml',
    'kubectl top pods',
    'kubeplay node stop worker-2',
    'kubeplay clock step 10s',
  ])('%s is kept', (line) => expect(isReadOnlyCommand(line)).toBe(false));
});
