import { describe, expect, it } from 'vitest';
import { shellHarness } from '../testing/shellHarness';

describe('docker CLI', () => {
  it('meets the default swarm on its first command: manager1 (Leader, the local node) and two workers', () => {
    const { run } = shellHarness();
    const out = run('docker node ls').stdout.split('\n');
    expect(out[0]).toBe('ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION');
    expect(out[1]).toMatch(/^[0-9a-z]{25} \* {3}manager1 {3}Ready {5}Active {9}Leader {11}\d+\.\d+\.\d+$/);
    expect(out[2]).toMatch(/^[0-9a-z]{25} {5}worker1 {4}Ready {5}Active {26}\d/);
    expect(out[3]).toMatch(/^[0-9a-z]{25} {5}worker2 /);
  });

  it('creates a service: prints its 25-char ID, waits for convergence and prints the progress block', () => {
    const { run } = shellHarness();
    const t = run('docker service create --name web --replicas 3 -p 8080:80 nginx', 60_000);
    expect(t.exitCode).toBe(0);
    const lines = t.stdout.split('\n');
    expect(lines[0]).toMatch(/^[0-9a-z]{25}$/);
    expect(lines.slice(1)).toEqual([
      'overall progress: 3 out of 3 tasks ',
      `1/3: running   [${'='.repeat(50)}>] `,
      `2/3: running   [${'='.repeat(50)}>] `,
      `3/3: running   [${'='.repeat(50)}>] `,
      'verify: Service converged ',
      '',
    ]);
    expect(run('docker service ls').stdout).toMatch(/^ID {13}NAME {6}MODE {9}REPLICAS {3}IMAGE {5}PORTS\n[0-9a-z]{12} {3}web {7}replicated {3}3\/3 {8}nginx {5}\*:8080->80\/tcp\n$/);
  });

  it('with -d prints only the ID and does not wait', () => {
    const { run } = shellHarness();
    const t = run('docker service create -d --name web nginx');
    expect(t.exitCode).toBe(0);
    expect(t.stdout).toMatch(/^[0-9a-z]{25}\n$/);
  });

  it('passes flags after the image to the container (flags end at the first argument)', () => {
    const { run } = shellHarness();
    run('docker service create -d --name box busybox sleep --replicas 3');
    expect(run('docker service inspect --pretty box').stdout).toContain(' Args:\t\tsleep --replicas 3 \n');
  });

  it('reports errors as docker does: missing argument, unknown flag, unknown service, name conflict', () => {
    const { run } = shellHarness();
    const noArg = run('docker service create');
    expect(noArg.exitCode).toBe(1);
    expect(noArg.stderr).toBe('"docker service create" requires at least 1 argument.\nSee \'docker service create --help\'.\n\nUsage:  docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nCreate a new service\n');
    const flag = run('docker service ls --bogus');
    expect(flag.exitCode).toBe(125);
    expect(flag.stderr.split('\n')[0]).toBe('unknown flag: --bogus');
    expect(run('docker service ps nosuch').stderr).toBe('no such service: nosuch\n');
    run('docker service create -d --name web nginx');
    expect(run('docker service create -d --name web nginx').stderr).toBe(
      'Error response from daemon: rpc error: code = AlreadyExists desc = name conflicts with an existing object: service web already exists\n',
    );
    expect(run('docker frobnicate').stderr).toBe("docker: unknown command: docker frobnicate\n\nRun 'docker --help' for more information\n");
  });

  it('scales with "web scaled to 5" and removes with the name as given', () => {
    const { run } = shellHarness();
    run('docker service create -d --name web nginx');
    expect(run('docker service scale -d web=5').stdout).toBe('web scaled to 5\n');
    expect(run('docker service rm web').stdout).toBe('web\n');
    expect(run('docker service rm web').stderr).toBe('Error response from daemon: service web not found\n');
  });

  it('drains a node: node update prints the node, its tasks move away', () => {
    const { run } = shellHarness();
    run('docker service create --name web --replicas 3 nginx', 60_000);
    expect(run('docker node update --availability drain worker1').stdout).toBe('worker1\n');
    run('sleep 10s', 20_000);
    const ps = run('docker node ps worker1').stdout;
    expect(ps).toMatch(/web\.\d +nginx +worker1 +Shutdown +Shutdown /);
    expect(run('docker node ls').stdout).toMatch(/worker1 {4}Ready {5}Drain/);
  });
});

describe('docker service update and rollback', () => {
  it('prints the name, rolls out, and ends paused with "service update paused: …" when a new task fails', () => {
    const { run } = shellHarness();
    run('docker service create --name web --replicas 2 nginx:1.24', 60_000);
    const up = run('docker service update --image nginx:1.25 web', 120_000);
    expect(up.exitCode).toBe(0);
    expect(up.stdout.split('\n')[0]).toBe('web');
    expect(up.stdout).toContain('verify: Service converged \n');
    const bad = run('docker service update --image busybox --args false web', 120_000);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/^service update paused: update paused due to failure or early termination of task [0-9a-z]{25}\n$/);
    const rb = run('docker service rollback web', 120_000);
    expect(rb.stdout.split('\n').slice(0, 2)).toEqual(['web', 'rollback: manually requested rollback ']);
    expect(run('docker service inspect --pretty web').stdout).toContain(' Image:\t\tnginx:1.25\n');
  });

  it('refuses --replicas for a global service and scale of a global service', () => {
    const { run } = shellHarness();
    expect(run('docker service create --mode global --replicas 2 nginx').stderr).toBe('replicas can only be used with replicated or replicated-job mode\n');
    run('docker service create -d --mode global --name g nginx');
    expect(run('docker service scale g=2').stderr).toBe('g: scale can only be used with replicated or replicated-job mode\n');
  });
});

describe('docker and the playground commands on swarm nodes', () => {
  it('kubeplay node stop worker1 powers off the swarm machine: Down after 15 s, its task replaced', () => {
    const { run } = shellHarness();
    run('docker service create --name web --replicas 3 nginx', 60_000);
    expect(run('kubeplay node stop worker1').stdout).toBe('node/worker1 stopped\n');
    run('sleep 16s', 20_000);
    expect(run('docker node ls').stdout).toMatch(/worker1 {4}Down {6}Active/);
    run('sleep 10s', 20_000);
    expect(run('docker service ps web').stdout).toMatch(/ \\_ web\.\d +nginx +worker1 +Shutdown +Running /);
    expect(run('kubeplay node start worker1').stdout).toBe('node/worker1 started\n');
  });

  it('-H talks to another machine; a stopped one cannot be reached', () => {
    const { run } = shellHarness();
    expect(run('docker -H worker1 node ls').stderr).toBe(
      "Error response from daemon: This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.\n",
    );
    run('kubeplay node stop manager1');
    expect(run('docker node ls').stderr).toBe('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n');
  });
});
