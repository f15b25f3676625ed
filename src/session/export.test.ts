import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportToKind } from './export';
import type { Scenario } from './scenario';
import { DEPLOYMENT, typicalScenario } from './typicalScenario.testkit';

const scenario = (lines: string[], extra: Partial<Scenario> = {}): Scenario => ({
  version: 1,
  files: [{ name: 'web.yaml', content: DEPLOYMENT }],
  cluster: { workers: 2 },
  seed: 1,
  log: lines.map((line, i) => ({ at: i * 1000, line })),
  endAt: lines.length * 1000,
  ...extra,
});

describe('exportToKind', () => {
  it('writes a kind config with the same workers, and added nodes with their labels and taints', () => {
    const { config } = exportToKind(scenario(['kubeplay node add gpu-1 --zone zone-b --label disk=ssd --taint dedicated=gpu:NoSchedule']));
    const doc = parse(config);
    expect(doc).toMatchObject({ kind: 'Cluster', apiVersion: 'kind.x-k8s.io/v1alpha4', name: 'kubeplay' });
    expect(doc.nodes.map((n: { role: string }) => n.role)).toEqual(['control-plane', 'worker', 'worker', 'worker']);
    expect(doc.nodes[3].labels).toEqual({ 'topology.kubernetes.io/zone': 'zone-b', disk: 'ssd' });
    expect(parse(doc.nodes[3].kubeadmConfigPatches[0])).toEqual({ kind: 'JoinConfiguration', nodeRegistration: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] } });
    expect(config).toContain('# playground node gpu-1 -> kubeplay-worker3');
    expect(doc.nodes[1].labels).toBeUndefined();
  });

  it('writes the files as quoted heredocs and runs the log with the real kubectl, node names mapped to kind\'s', () => {
    const { script } = exportToKind(scenario(['kubectl apply -f web.yaml', 'kubectl cordon worker-2', 'kubectl label node worker-1 disk=ssd --overwrite']));
    expect(script.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(script).toContain(`cat > web.yaml <<'KUBEPLAY_EOF'\n${DEPLOYMENT}KUBEPLAY_EOF\n`);
    expect(script).toContain('\nkubectl apply -f web.yaml\nkubectl cordon kubeplay-worker2\nkubectl label node kubeplay-worker disk=ssd --overwrite\n');
  });

  it('turns playground-only commands into commented real-world equivalents', () => {
    const { script } = exportToKind(scenario(['kubeplay node stop worker-1', 'kubeplay container crash web-1', 'kubeplay clock step 20s', 'kubeplay traffic web --rps 5', 'kubeplay node start worker-1']));
    expect(script).toContain('# playground: kubeplay node stop worker-1\n#   docker stop kubeplay-worker   # the node\'s machine powers off\n');
    expect(script).toContain('#   kubectl exec web-1 -- kill 1');
    expect(script).toContain('#   sleep 20s');
    expect(script).toContain('#   docker start kubeplay-worker\n');
    expect(script.split('\n').filter((l) => l.startsWith('kubeplay'))).toEqual([]);
  });

  it('keeps a pipeline a pipeline, each command quoted on its own', () => {
    const { script } = exportToKind(scenario([`kubectl get pods -o wide | grep worker-1`, `kubectl get secret db -o jsonpath='{.data.password}' | base64 -d`]));
    expect(script).toContain('\nkubectl get pods -o wide | grep kubeplay-worker\n');
    expect(script).toContain(`\nkubectl get secret db -o 'jsonpath={.data.password}' | base64 -d\n`);
  });

  it('writes loops and ifs as bash reads them, a loop typed over several lines on one line', () => {
    const { script } = exportToKind(scenario(['for n in worker-1 worker-2\ndo\n  kubectl cordon $n\ndone', 'while ! kubectl get deploy web; do sleep 1; done', 'if [ -f web.yaml ]; then kubectl apply -f web.yaml; else echo none; fi', 'for i in 1 2; do kubeplay node stop worker-1; done', 'kubectl get pods -o name | while read p; do kubectl delete $p; done']));
    expect(script).toContain('\nkubectl get pods -o name | while read p; do kubectl delete $p; done\n');
    expect(script).toContain('\nfor n in kubeplay-worker kubeplay-worker2; do kubectl cordon $n; done\n');
    expect(script).toContain('\nwhile ! kubectl get deploy web; do sleep 1; done\n');
    expect(script).toContain('\nif [ -f web.yaml ]; then kubectl apply -f web.yaml; else echo none; fi\n');
    expect(script).toContain('# (not run: for i in 1 2; do kubeplay node stop worker-1; done — a command the playground does not run)');
  });

  it('keeps hostile names and contents inert: quoted words, a heredoc delimiter that never occurs in the file', () => {
    const s = scenario(['kubectl get pods -l "a=$(rm -rf ~)"', 'kubectl get pods -w'], { files: [{ name: "x'; rm -rf ~; '.yaml", content: 'KUBEPLAY_EOF\n$(whoami)\n' }] });
    const { script } = exportToKind(s);
    expect(script).toContain(`cat > 'x'\\''; rm -rf ~; '\\''.yaml' <<'KUBEPLAY_EOF_'\nKUBEPLAY_EOF\n$(whoami)\nKUBEPLAY_EOF_\n`);
    expect(script).toContain(`kubectl get pods -l 'a=$(rm -rf ~)'\n`);
    expect(script).toContain('timeout 30 kubectl get pods -w   # a watch: stopped after 30s');
  });

  it('writes a file again where the playground applied an earlier version, and the editor\'s version at the end', () => {
    const { script } = exportToKind(scenario([], { log: [{ at: 0, file: 'web.yaml', content: 'v: 1\n' }, { at: 0, line: 'kubectl apply -f web.yaml' }, { at: 5, file: 'old.yaml' }, { at: 5, line: 'kubectl get pods' }] }));
    const at = (text: string) => script.indexOf(text);
    expect(at("cat > web.yaml <<'KUBEPLAY_EOF'\nv: 1\nKUBEPLAY_EOF")).toBeLessThan(at('kubectl apply -f web.yaml'));
    expect(at('rm -f old.yaml')).toBeGreaterThan(at('kubectl apply -f web.yaml'));
    expect(script.endsWith(`# The files as the editor held them at the end\ncat > web.yaml <<'KUBEPLAY_EOF'\n${DEPLOYMENT}KUBEPLAY_EOF\n`)).toBe(true);
  });

  it('exports the typical scenario with three files and every command', () => {
    const { script } = exportToKind(typicalScenario());
    expect(script.match(/^cat > /gm)).toHaveLength(3);
    expect(script.match(/^kubectl /gm)?.length).toBe(1 + 20 - 2);
  });

  it('keeps variables and safe command substitutions for bash to expand, and runs no command the playground does not run', () => {
    const { script } = exportToKind(
      scenario([
        `POD=$(kubectl get pods -l app=web -o jsonpath='{.items[0].metadata.name}')`,
        'kubectl delete pod "$POD"',
        'kubectl get pods -l "a=$(rm -rf ~)"',
        'rm -rf ~',
        'kubectl get pods -o name | xargs rm',
        '$CMD get pods',
      ]),
    );
    expect(script).toContain(`\nPOD=$(kubectl get pods -l app=web -o jsonpath='{.items[0].metadata.name}')\nkubectl delete pod "$POD"\n`);
    expect(script).toContain(`\nkubectl get pods -l 'a=$(rm -rf ~)'\n`);
    expect(script).toContain('\n# (not run: rm -rf ~ — a command the playground does not run)\n');
    expect(script).toContain('\n# (not run: kubectl get pods -o name | xargs rm — a command the playground does not run)\n');
    expect(script).toContain('\n# (not run: $CMD get pods — a command the playground does not run)\n');
  });

  it('keeps a command list a list, and comments it out whole when one of its commands is not the playground\'s', () => {
    const { script } = exportToKind(scenario(['kubectl apply -f web.yaml && kubectl rollout status deployment/web; kubectl get pods | grep web', 'kubectl get pods && rm -rf ~']));
    expect(script).toContain('\nkubectl apply -f web.yaml && kubectl rollout status deployment/web; kubectl get pods | grep web\n');
    expect(script).toContain('\n# (not run: kubectl get pods && rm -rf ~ — a command the playground does not run)\n');
  });

  it('writes a here-document after its line, live only when its expansions are safe, and runs no file write', () => {
    const { script } = exportToKind(
      scenario([
        'kubectl apply -f - <<EOF\nkind: ConfigMap\nmetadata:\n  name: $NAME\nEOF',
        'cat <<EOF | kubectl apply -f -\nname: $(rm -rf ~)\nEOF',
        'kubectl get pod x 2>/dev/null || echo gone',
        'kubectl apply -f - < web.yaml',
        'kubectl get pods > ~/.bashrc',
        'kubectl apply -f - < /etc/passwd',
        'kubectl get deploy web -o yaml > web-copy.yaml',
        'echo x >> .profile',
      ]),
    );
    expect(script).toContain('\nkubectl get deploy web -o yaml > web-copy.yaml\n');
    expect(script).toContain('\n# (not run: echo x >> .profile — a command the playground does not run)\n');
    expect(script).toContain('\nkubectl apply -f - <<EOF\nkind: ConfigMap\nmetadata:\n  name: $NAME\nEOF\n');
    expect(script).toContain("\ncat <<'EOF' | kubectl apply -f -\nname: $(rm -rf ~)\nEOF\n");
    expect(script).toContain('\nkubectl get pod x 2>/dev/null || echo gone\n');
    expect(script).toContain('\nkubectl apply -f - < web.yaml\n');
    expect(script).toContain('\n# (not run: kubectl get pods > ~/.bashrc — a command the playground does not run)\n');
    expect(script).toContain('\n# (not run: kubectl apply -f - < /etc/passwd — a command the playground does not run)\n');
  });

  it('runs an interactive shell\'s typed lines through a here-document of kubectl exec -i', () => {
    const { script } = exportToKind(scenario(['kubectl exec -it web -- sh', 'cd /tmp', 'echo hi > note.txt', 'exit', 'kubectl get pods']));
    expect(script).toContain("\nkubectl exec -i web -- sh <<'KUBEPLAY_SHELL'\ncd /tmp\necho hi > note.txt\nexit\nKUBEPLAY_SHELL\nkubectl get pods\n");
  });

  it('runs the lines typed into kubectl run -it\'s shell through a here-document of kubectl run -i', () => {
    const { script } = exportToKind(scenario(['kubectl run -it --rm debug --image=busybox --restart=Never -- sh', 'hostname', 'exit', 'kubectl run -it --rm b --image=busybox', 'exit']));
    expect(script).toContain("\nkubectl run -i --rm debug --image=busybox --restart=Never -- sh <<'KUBEPLAY_SHELL'\nhostname\nexit\nKUBEPLAY_SHELL\n");
    expect(script).toContain("\nkubectl run -i --rm b --image=busybox <<'KUBEPLAY_SHELL'\nexit\nKUBEPLAY_SHELL\n");
  });
});
