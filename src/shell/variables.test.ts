import { beforeAll, describe, expect, it } from 'vitest';
import { preloadShellData } from './index';
import { clusterShell, WEB_DEPLOYMENT } from './testing/clusterShell';
import { shellHarness } from './testing/shellHarness';

beforeAll(preloadShellData);

describe('shell variables and command substitution', () => {
  it('POD=$(…) keeps a command\'s output, and $POD gives it to a later command', () => {
    const { run } = clusterShell({ 'web.yaml': WEB_DEPLOYMENT });
    run('kubectl apply -f web.yaml', 30_000);
    const set = run(`POD=$(kubectl get pods -l app=web -o jsonpath='{.items[0].metadata.name}')`);
    expect([set.stdout, set.stderr, set.exitCode]).toEqual(['', '', 0]);
    const name = run('echo $POD').stdout.trim();
    expect(name).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5}$/);
    expect(run('kubectl delete pod $POD --wait=false').stdout).toBe(`pod "${name}" deleted\n`);
  });

  it('splits an unquoted substitution into one argument per word: kubectl deletes every pod named', () => {
    const { run } = clusterShell({ 'web.yaml': WEB_DEPLOYMENT });
    run('kubectl apply -f web.yaml', 30_000);
    const t = run('kubectl delete $(kubectl get pods -o name) --wait=false');
    expect(t.stdout.trim().split('\n')).toHaveLength(2);
    expect(t.stderr).toBe('');
  });

  it('waits for a substitution that waits (rollout status) before running the command', () => {
    const { run } = clusterShell();
    run('kubectl create deployment web --image=nginx --replicas=2');
    const t = run('echo "[$(kubectl rollout status deployment/web | tail -1)]"', 60_000);
    expect([t.stdout, t.exitCode]).toEqual(['[deployment "web" successfully rolled out]\n', 0]);
  });

  it('Ctrl+C during a substitution stops the line: nothing runs after it, status 130', () => {
    const { shell, run } = clusterShell();
    run('kubectl create deployment web --image=nginx');
    let out = '';
    const exec = shell.run('X=$(kubectl get pods -w)', { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    expect(exec.done).toBe(false);
    exec.cancel();
    expect([exec.done, exec.exitCode, out]).toEqual([true, 130, '']);
    expect(run('echo $?').stdout).toBe('130\n');
    expect(run('echo "[$X]"').stdout).toBe('[]\n');
  });

  it('$? is the status of the line before; an assignment takes its substitution\'s status', () => {
    const { run } = shellHarness();
    run('nosuchtool');
    expect(run('echo $?').stdout).toBe('127\n');
    expect(run('echo $?').stdout).toBe('0\n');
    run('X=$(kubectl get pod nothere)');
    expect(run('echo $?').stdout).toBe('1\n');
    expect(run('X=$(kubectl get pod nothere)').stderr).toBe('Error from server (NotFound): pods "nothere" not found\n');
  });

  it('assigns left to right, and a NAME=value before a command is that command\'s alone', () => {
    const { run } = shellHarness();
    run('A=1 B=$A');
    expect(run('echo "$A$B"').stdout).toBe('11\n');
    expect(run('A=2 echo $A').stdout).toBe('1\n');
    expect(run('echo $A').stdout).toBe('1\n');
  });

  it('export sets and lists; its NAME=$(…) is not split; unset removes', () => {
    const { run } = shellHarness();
    run('export GREETING=$(echo hello   world) NS=default');
    expect(run('export -p').stdout).toBe('declare -x GREETING="hello world"\ndeclare -x NS="default"\n');
    run('unset GREETING');
    expect(run('echo "[$GREETING]"').stdout).toBe('[]\n');
    expect(run('export 1x=2').stderr).toBe("bash: export: `1x=2': not a valid identifier\n");
  });

  it('runs nothing for a command that expands to no words', () => {
    const { run } = shellHarness();
    const t = run('$NOTHING');
    expect([t.stdout, t.stderr, t.exitCode]).toEqual(['', '', 0]);
  });

  it('prints an error for a substitution it cannot parse, and runs nothing', () => {
    const { run } = shellHarness();
    const t = run('kubectl get pods $(echo');
    expect([t.stderr, t.exitCode]).toEqual(["unexpected EOF while looking for matching `)'\n", 2]);
  });

  it('records the expanded command as the change-cause, as kubectl records its arguments', () => {
    const { run } = clusterShell();
    run('kubectl create deployment web --image=nginx');
    run('IMAGE=nginx:1.27');
    run('kubectl set image deployment/web nginx=$IMAGE --record');
    expect(run(`kubectl get deploy web -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}'`).stdout).toBe('kubectl set image deployment/web nginx=nginx:1.27 --record=true');
  });
});

describe('command lists: &&, || and ;', () => {
  it('runs the next pipeline after && only on success, after || only on failure, after ; always', () => {
    const { run } = shellHarness();
    const t = run('kubectl get pod nothere && echo found || echo missing; echo always');
    expect(t.stdout).toBe('missing\nalways\n');
    expect(t.stderr).toBe('Error from server (NotFound): pods "nothere" not found\n');
    expect(t.exitCode).toBe(0);
    expect(run('echo a && echo b || echo c').stdout).toBe('a\nb\n');
    expect(run('kubectl get pod nothere; echo $?').stdout).toBe('1\n');
    expect(run('kubectl get pod nothere || kubectl get pod other').exitCode).toBe(1);
  });

  it('expands each pipeline when it starts: a variable set before && reaches the command after it', () => {
    const { run } = clusterShell({ 'web.yaml': WEB_DEPLOYMENT });
    const t = run("kubectl apply -f web.yaml && kubectl rollout status deployment/web && POD=$(kubectl get pods -o jsonpath='{.items[0].metadata.name}') && echo \"first: $POD\"", 60_000);
    expect(t.stdout).toMatch(/^deployment.apps\/web created\n(Waiting for [^\n]*\n)*deployment "web" successfully rolled out\nfirst: web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect(t.exitCode).toBe(0);
  });

  it('Ctrl+C stops the pipeline running and the rest of the list', () => {
    const { shell } = shellHarness();
    let out = '';
    const exec = shell.run('sleep 1h; echo after', { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    expect(exec.done).toBe(false);
    exec.cancel();
    expect([exec.done, exec.exitCode]).toEqual([true, 130]);
    exec.poll();
    expect(out).toBe('');
  });
});

describe('host commands of tutorials', () => {
  it('minikube and editors say they are not simulated, and what to do instead; curl runs from the learner\'s machine', () => {
    const { run } = shellHarness();
    const t = run('curl http://"$(minikube ip):30080"');
    expect(t.stderr).toMatch(
      /^minikube: not simulated: the playground's cluster is already running \(kubectl get nodes\); where a tutorial uses \$\(minikube ip\):NODE_PORT, use a node's address \(kubectl get nodes -o wide\) with the NodePort: curl http:\/\/NODE_IP:NODE_PORT\ncurl: \(\d+\) URL rejected/,
    );
    expect(t.exitCode).not.toBe(0);
    expect(run('vi web.yaml').stderr).toBe('vi: not simulated: edit files in the editor (its tabs sit beside the cluster view)\n');
    expect(run('frobnicate').stderr).toBe('frobnicate: command not found\n');
  });
});
