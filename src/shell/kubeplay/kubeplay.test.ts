import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/k8s/index';
import { createShell } from '../index';
import { memoryFiles } from '../testing/shellHarness';

function shellOver(shouldYield?: () => boolean) {
  const cluster = createCluster({ seed: 2 });
  const shell = createShell({ cluster, files: memoryFiles({}), shouldYield });
  const run = (line: string) => {
    let out = '';
    const execution = shell.run(line, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    return { out, execution, get text() { return out; } };
  };
  return { cluster, shell, run };
}

describe('kubeplay node add|remove|set', () => {
  it('adds a zoned, labelled, tainted worker that kubectl lists', () => {
    const { run } = shellOver();
    expect(run('kubeplay node add worker-4 --zone zone-b --label disk=ssd --taint gpu=true:NoSchedule --cpu=8').out).toBe('node/worker-4 added (8 CPU, 8Gi memory, 110 pods, zone zone-b)\n');
    expect(run('kubectl get node worker-4 -L topology.kubernetes.io/zone,disk').out).toMatch(/worker-4\s+Ready\s+<none>\s+\S+\s+v1\.32\.2\s+zone-b\s+ssd/);
    expect(run('kubectl describe node worker-4').out).toContain('Taints:             gpu=true:NoSchedule');
    expect(run('kubeplay node add').out).toBe('node/worker-5 added (4 CPU, 8Gi memory, 110 pods)\n');
  });

  it('explains bad input and what it expects', () => {
    const { run } = shellOver();
    expect(run('kubeplay node add w --taint nocolon').out).toContain('invalid taint "nocolon": expected KEY[=VALUE]:EFFECT');
    expect(run('kubeplay node add w --taint a=b:Never').out).toContain('invalid taint effect "Never"');
    expect(run('kubeplay node add w --label novalue').out).toContain('invalid label "novalue": expected KEY=VALUE');
    expect(run('kubeplay node add w --gpus 2').out).toContain('unknown flag: --gpus');
    expect(run('kubeplay node add worker-1').out).toBe('Error from server (AlreadyExists): nodes "worker-1" already exists\n');
    expect(run('kubeplay node remove nope').out).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect(run('kubeplay node remove control-plane').out).toContain('not simulated');
    expect(run('kubeplay node set worker-1').out).toContain('nothing to set');
    expect(run('kubeplay node set worker-1 --cpu lots').out).toContain('invalid CPU "lots"');
  });

  it('removes a worker and says what happens to its pods', () => {
    const { run } = shellOver();
    run('kubectl create deployment web --image=nginx:1.27 --replicas=6');
    run('kubeplay clock step 30s');
    expect(run('kubeplay node remove worker-2').out).toMatch(/^node\/worker-2 removed \(2 pods still bound to it: the pod garbage collector deletes them within a minute\)\n$/);
    expect(run('kubectl get nodes').out).not.toContain('worker-2');
  });

  it('completes node names for the node commands and subcommands after kubeplay', () => {
    const { shell } = shellOver();
    expect(shell.complete('kubeplay node remove w', 22)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(shell.complete('kubeplay node ', 14)).toEqual(['add', 'remove', 'set', 'start', 'stop']);
    expect(shell.complete('kubeplay clock s', 16)).toEqual(['settle', 'step']);
    expect(shell.complete('kubeplay node add w', 19)).toEqual([]);
  });

  it('resizes a node', () => {
    const { run } = shellOver();
    expect(run('kubeplay node set worker-1 --cpu 2 --memory 4Gi').out).toBe('node/worker-1 resized (2 CPU, 4Gi memory, 110 pods)\n');
    expect(run('kubeplay node set worker-1 --cpu 2').out).toBe('node/worker-1 unchanged\n');
  });

  it('prints each command\'s details with --help, and lists them all in kubeplay help', () => {
    const { run } = shellOver();
    expect(run('kubeplay node add --help').out).toContain('--zone ZONE      sets the label topology.kubernetes.io/zone=ZONE');
    const help = run('kubeplay help').out;
    for (const c of ['node add', 'node remove', 'node set', 'clock step', 'clock settle']) expect(help).toContain(`kubeplay ${c}`);
  });
});

describe('kubeplay clock step|settle', () => {
  it('steps one virtual second by default, or the duration given', () => {
    const { run, cluster } = shellOver();
    const t0 = cluster.now();
    expect(run('kubeplay clock step').out).toBe('virtual time 00:00:01 (+1s)\n');
    expect(run('kubeplay clock step 90s').out).toBe('virtual time 00:01:31 (+1m30s)\n');
    expect(cluster.now() - t0).toBe(91_000);
    expect(run('kubeplay clock step soon').out).toContain('invalid step "soon"');
  });

  it('settles a rollout in one go without a host that asks to yield', () => {
    const { run } = shellOver();
    run('kubectl create deployment web --image=nginx:1.27 --replicas=3');
    const r = run('kubeplay clock settle');
    expect(r.execution.done).toBe(true);
    expect(r.execution.exitCode).toBe(0);
    expect(r.out).toMatch(/^Settled \d+s in \(at 00:00:\d\d\): nothing visible changed for 30s after that\. Virtual time is now 00:00:\d\d \(\+\d+s\)\.\n$/);
    expect(run('kubectl get deployment web').out).toMatch(/web\s+3\/3\s+3\s+3/);
  });

  it('works in slices when the host asks to yield, and Ctrl+C stops it', () => {
    const { run, cluster } = shellOver(() => true);
    run('kubectl create deployment web --image=nginx:1.27 --replicas=3');
    const r = run('kubeplay clock settle');
    expect(r.execution.done).toBe(false);
    let polls = 0;
    while (!r.execution.poll()) polls++;
    expect(polls).toBeGreaterThan(3);
    expect(r.text).toContain('Settled');
    const again = run('kubeplay clock settle');
    const before = cluster.now();
    again.execution.cancel();
    again.execution.poll();
    expect(again.execution.exitCode).toBe(130);
    expect(cluster.now()).toBe(before);
  });

  it('stops at the cap for a crash loop and names the pod', () => {
    const { run } = shellOver();
    run('kubectl run crashy --image=busybox:1.36 -- sh -c "exit 1"');
    const r = run('kubeplay clock settle --max 5m');
    expect(r.execution.exitCode).toBe(1);
    expect(r.out).toContain('Still changing after 5m0s, the cap; stopped at 00:05:00.');
    expect(r.out).toContain('  pod/crashy (');
  });
});

describe('kubeplay machine add', () => {
  it('adds a Docker machine beside the swarm that joins with the token a manager prints', () => {
    const { run } = shellOver();
    expect(run('kubeplay machine add').out).toBe('machine/worker3 created: Docker Engine is running, outside the swarm (join it: docker -H worker3 swarm join --token … 192.168.99.100:2377)\n');
    expect(run('docker node ls').out).not.toContain('worker3');
    const token = run('docker swarm join-token -q worker').out.trim();
    expect(run(`docker -H worker3 swarm join --token ${token} 192.168.99.100:2377`).out).toBe('This node joined a swarm as a worker.\n');
    expect(run('docker node ls').out).toMatch(/\n\w{25} {5}worker3 +Ready +Active +/);
    expect(run('kubeplay machine add worker3').out).toBe('kubeplay: machine "worker3" already exists\n');
    expect(run('kubeplay machine add a b').out).toBe('kubeplay: usage: kubeplay machine add [NAME]\n');
    expect(run('kubeplay machine add --help').out).toContain('docker -H worker3 swarm join --token <token> 192.168.99.100:2377');
  });
});
