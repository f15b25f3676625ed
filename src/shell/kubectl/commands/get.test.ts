import { describe, expect, it } from 'vitest';
import { shellHarness } from '../../testing/shellHarness';

const pod = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { nodeName: 'worker-1', containers: [{ name: 'c', image: 'nginx' }] }, status: { phase: 'Running' } });

describe('kubectl get', () => {
  it('says no resources found on stderr, per namespace', () => {
    const { run } = shellHarness();
    const t = run('kubectl get pods');
    expect(t.stdout).toBe('');
    expect(t.stderr).toBe('No resources found in default namespace.\n');
    expect(run('kubectl get pods -n dev').stderr).toBe('No resources found in dev namespace.\n');
    expect(run('kubectl get pods -A').stderr).toBe('No resources found\n');
  });

  it('reports named objects that are missing, after printing the others', () => {
    const { run, cluster } = shellHarness();
    cluster.add(pod('a'));
    const t = run('kubectl get pods a b');
    expect(t.stdout.split('\n')[1].startsWith('a ')).toBe(true);
    expect(t.stderr).toBe('Error from server (NotFound): pods "b" not found\n');
    expect(run('kubectl get pods b --ignore-not-found').stderr).toBe('');
  });

  it('fails (exit 1) when the jsonpath cannot be executed, as kubectl returns the printer error', () => {
    const { run, cluster } = shellHarness();
    const t = run("kubectl get pods -o jsonpath='{.items[0].metadata.name}'");
    expect(t.stderr).toMatch(/^error: error executing jsonpath "\{\.items\[0\]\.metadata\.name\}": Error executing template: array index out of bounds: index 0, length 0/);
    expect(t.exitCode).toBe(1);
    cluster.add(pod('a'));
    const ok = run("kubectl get pods -o jsonpath='{.items[0].metadata.name}'");
    expect([ok.stdout, ok.exitCode]).toEqual(['a', 0]);
  });

  it('filters by label and field selectors', () => {
    const { run, cluster } = shellHarness();
    cluster.add(pod('a', { app: 'web' }));
    cluster.add(pod('b', { app: 'db' }));
    expect(run('kubectl get pods -l app=web -o name').stdout).toBe('pod/a\n');
    expect(run('kubectl get pods --field-selector metadata.name=b -o name').stdout).toBe('pod/b\n');
    expect(run('kubectl get pods --field-selector spec.nodeName=worker-2 -o name').stderr).toBe('No resources found in default namespace.\n');
    expect(run('kubectl get deployments --field-selector spec.paused=true').stderr).toBe(
      'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "", field selector "spec.paused=true": field label not supported: spec.paused\n',
    );
  });

  it("selects events by the API server's event fields (involvedObject.*, reason, type, source)", () => {
    const { run, cluster } = shellHarness();
    const event = (name: string, obj: string, reason: string) => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: 'default' },
      involvedObject: { kind: 'Deployment', namespace: 'default', name: obj, apiVersion: 'apps/v1' },
      reason,
      type: 'Normal',
      source: { component: 'deployment-controller' },
      reportingComponent: 'deployment-controller',
    });
    cluster.add(event('web.1', 'web', 'ScalingReplicaSet'));
    cluster.add(event('db.1', 'db', 'ScalingReplicaSet'));
    expect(run('kubectl get events --field-selector involvedObject.name=web -o name').stdout).toBe('event/web.1\n');
    expect(run('kubectl get events --field-selector involvedObject.kind=Deployment,involvedObject.name!=web -o name').stdout).toBe('event/db.1\n');
    expect(run('kubectl get events --field-selector source=deployment-controller,type=Normal,reason=ScalingReplicaSet -o name').stdout).toBe('event/db.1\nevent/web.1\n');
    expect(run('kubectl get events --field-selector spec.foo=x').stderr).toMatch(/field label not supported: spec.foo\n$/);
  });

  it('get -f prints the live objects the file names: one object as itself, several as a List, none found as NotFound', () => {
    const cm = (name: string, ns?: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}`;
    const { run } = shellHarness({ 'one.yaml': cm('a'), 'two.yaml': `${cm('a')}---\n${cm('b', 'kube-public')}` });
    run('kubectl apply -f two.yaml');
    expect(run('kubectl get -f one.yaml -o jsonpath={.kind}').stdout).toBe('ConfigMap');
    expect(run('kubectl get -f two.yaml -o jsonpath={.kind}').stdout).toBe('List');
    expect(run('kubectl get -f two.yaml -o name').stdout).toBe('configmap/a\nconfigmap/b\n');
    run('kubectl delete configmap a');
    expect(run('kubectl get -f one.yaml').stderr).toBe('Error from server (NotFound): configmaps "a" not found\n');
    expect(run('kubectl get -f one.yaml pods').stderr).toBe('error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n');
  });

  it('prefixes kinds when several types are asked for', () => {
    const { run, cluster } = shellHarness();
    cluster.add(pod('a'));
    expect(run('kubectl get pods,deployments -o name').stdout).toBe('pod/a\n');
    expect(run('kubectl get pods,deployments').stdout.split('\n')[1].startsWith('pod/a ')).toBe(true);
  });

  it('refuses --show-labels with a non-table output', () => {
    const { run } = shellHarness();
    expect(run('kubectl get pods --show-labels -o yaml').stderr).toBe('error: --show-labels option cannot be used with yaml printer\n');
  });

  it('watches: prints new rows as events arrive, with the widths of the first table, until Ctrl+C', () => {
    const { run, cluster } = shellHarness();
    cluster.add(pod('a'));
    const t = run('kubectl get pods -w');
    const header = t.stdout.split('\n')[0];
    expect(t.execution.done).toBe(false);
    cluster.add(pod('b'));
    const lines = t.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(3);
    expect(lines[2].startsWith('b ')).toBe(true);
    expect(lines[2].indexOf('1/1') === header.indexOf('READY') || lines[2].indexOf('0/1') === header.indexOf('READY')).toBe(true);
    t.execution.cancel();
    expect(t.execution.exitCode).toBe(130);
    cluster.add(pod('c'));
    expect(t.stdout.split('\n').filter((l) => l !== '')).toHaveLength(3);
  });

  it('--output-watch-events: an EVENT column with ADDED for the listed objects, then each event type', () => {
    const { run, cluster } = shellHarness();
    cluster.add(pod('a'));
    const t = run('kubectl get pods -w --output-watch-events');
    cluster.add(pod('b'));
    const lines = t.stdout.split('\n').filter((l) => l !== '');
    expect(lines.map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual(['EVENT NAME', 'ADDED a', 'ADDED b']);
    t.execution.cancel();
    const json = run('kubectl get pod a -w --output-watch-events -o json');
    expect(JSON.parse(json.stdout)).toMatchObject({ type: 'ADDED', object: { kind: 'Pod', metadata: { name: 'a' } } });
    json.execution.cancel();
  });

  it('-o custom-columns prints its header once per watch, not with every event', () => {
    const { run, cluster } = shellHarness();
    cluster.add(pod('a'));
    const t = run('kubectl get pods -w -o custom-columns=NAME:.metadata.name');
    cluster.add(pod('b'));
    cluster.add(pod('c'));
    expect(t.stdout.split('\n').filter((l) => l !== '').map((l) => l.trim())).toEqual(['NAME', 'a', 'b', 'c']);
    t.execution.cancel();
    const only = run('kubectl get pods --watch-only -o custom-columns=NAME:.metadata.name');
    cluster.add(pod('d'));
    cluster.add(pod('e'));
    expect(only.stdout.split('\n').filter((l) => l !== '').map((l) => l.trim())).toEqual(['NAME', 'd', 'e']);
    only.execution.cancel();
  });

  it('ends a watch after --request-timeout', () => {
    const { run } = shellHarness();
    const t = run('kubectl get pods -w --request-timeout=5s', 10_000);
    expect(t.exitCode).toBe(0);
  });
});
