import { beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../sim/k8s/index';
import { createShell, memoryFiles, preloadShellData, swarmFor, type Shell } from '../shell/index';
import { driveUntilDone } from '../session/drive';
import { VOTING_APP_FILES } from '../scenarios/votingApp';
import { busiestWorker, nextImage, planCommands, planPaired, type PairedSide } from './pairedActions';
import { kubernetesSide, swarmSide, type KubernetesObjects } from './pairedSides';

const k8s = (over: Partial<PairedSide> = {}): PairedSide => ({
  workers: [
    { name: 'worker-1', up: true },
    { name: 'worker-2', up: true },
    { name: 'worker-3', up: true },
  ],
  stopped: [],
  running: [
    { node: 'worker-1', workload: 'vote' },
    { node: 'worker-2', workload: 'vote' },
    { node: 'worker-2', workload: 'redis' },
  ],
  main: { name: 'vote', container: 'vote', image: 'dockersamples/examplevotingapp_vote', replicas: 2, canRollBack: false },
  ...over,
});

const swarm = (over: Partial<PairedSide> = {}): PairedSide => ({
  workers: [
    { name: 'worker1', up: true },
    { name: 'worker2', up: true },
  ],
  stopped: [],
  running: [
    { node: 'manager1', workload: 'vote_db' },
    { node: 'worker1', workload: 'vote_vote' },
    { node: 'worker2', workload: 'vote_vote' },
    { node: 'worker1', workload: 'vote_worker' },
  ],
  main: { name: 'vote_vote', image: 'dockersamples/examplevotingapp_vote', replicas: 2, canRollBack: false },
  ...over,
});

describe('paired actions: one logical action, two commands', () => {
  it('deploys the voting app with kubectl apply and docker stack deploy', () => {
    expect(planCommands(planPaired({ type: 'deploy' }, k8s({ main: undefined }), swarm({ main: undefined })))).toEqual(['kubectl apply -f voting-app.yaml', 'docker stack deploy -c docker-stack.yml vote']);
  });

  it('stops the worker that runs most of the app on each side', () => {
    expect(planCommands(planPaired({ type: 'stopNode' }, k8s(), swarm()))).toEqual(['kubeplay node stop worker-2', 'kubeplay node stop worker1']);
  });

  it('breaks a tie between workers by name and never picks a control-plane node or manager', () => {
    expect(busiestWorker(k8s({ running: [{ node: 'worker-3', workload: 'vote' }, { node: 'worker-1', workload: 'db' }, { node: 'control-plane', workload: 'x' }] }))).toBe('worker-1');
    expect(busiestWorker(swarm({ running: [{ node: 'manager1', workload: 'vote_vote' }] }))).toBeUndefined();
  });

  it('skips a worker already powered off', () => {
    const side = k8s({ workers: [{ name: 'worker-1', up: true }, { name: 'worker-2', up: false }, { name: 'worker-3', up: true }], stopped: ['worker-2'] });
    expect(planPaired({ type: 'stopNode' }, side, swarm()).kubernetes).toEqual({ command: 'kubeplay node stop worker-1' });
  });

  it('says why a side cannot stop a node: nothing deployed, or no worker runs the app', () => {
    expect(planPaired({ type: 'stopNode' }, k8s({ main: undefined }), swarm({ running: [] }))).toEqual({ kubernetes: { reason: 'notDeployed' }, swarm: { reason: 'noWorkerWithApp' } });
  });

  it('starts the stopped machine of each side, or only the side that has one', () => {
    expect(planCommands(planPaired({ type: 'startNode' }, k8s({ stopped: ['worker-2'] }), swarm({ stopped: ['worker1'] })))).toEqual(['kubeplay node start worker-2', 'kubeplay node start worker1']);
    expect(planPaired({ type: 'startNode' }, k8s(), swarm({ stopped: ['worker2'] }))).toEqual({ kubernetes: { reason: 'noStoppedNode' }, swarm: { command: 'kubeplay node start worker2' } });
  });

  it('scales the Deployment and the service to the same count', () => {
    expect(planCommands(planPaired({ type: 'scale', replicas: 4 }, k8s(), swarm()))).toEqual(['kubectl scale deployment/vote --replicas=4', 'docker service scale vote_vote=4']);
  });

  it('refuses a replica count that is not a whole number from 0 to 20', () => {
    for (const replicas of [-1, 2.5, 21, Number.NaN]) expect(planCommands(planPaired({ type: 'scale', replicas }, k8s(), swarm()))).toEqual([]);
    expect(planCommands(planPaired({ type: 'scale', replicas: 0 }, k8s(), swarm()))).toHaveLength(2);
  });

  it('rolls out the next image of the demo: after, then before again', () => {
    expect(planCommands(planPaired({ type: 'rollOut' }, k8s(), swarm()))).toEqual([
      'kubectl set image deployment/vote vote=dockersamples/examplevotingapp_vote:after',
      'docker service update --image dockersamples/examplevotingapp_vote:after vote_vote',
    ]);
    expect(nextImage('dockersamples/examplevotingapp_vote:after')).toBe('dockersamples/examplevotingapp_vote:before');
    expect(nextImage('localhost:5000/vote:before@sha256:' + 'a'.repeat(64))).toBe('localhost:5000/vote:after');
  });

  it('rolls out a given image, and refuses one that is not an image reference', () => {
    expect(planCommands(planPaired({ type: 'rollOut', image: 'nginx:1.27' }, k8s(), swarm()))).toEqual(['kubectl set image deployment/vote vote=nginx:1.27', 'docker service update --image nginx:1.27 vote_vote']);
    expect(planPaired({ type: 'rollOut', image: 'nginx; rm -rf /' }, k8s(), swarm()).swarm).toEqual({ reason: 'badImage' });
  });

  it('sends the same simulated traffic to the vote Service and to the vote service through the routing mesh', () => {
    expect(planCommands(planPaired({ type: 'traffic' }, k8s(), swarm()))).toEqual(['kubeplay traffic vote --rps 10 --for 1m', 'kubeplay traffic vote_vote --rps 10 --for 1m']);
    expect(planPaired({ type: 'traffic' }, k8s({ main: undefined }), swarm()).kubernetes).toEqual({ reason: 'notDeployed' });
  });

  it('rolls back only a side with a previous version', () => {
    const plan = planPaired({ type: 'rollBack' }, k8s({ main: { ...k8s().main!, canRollBack: true } }), swarm());
    expect(plan).toEqual({ kubernetes: { command: 'kubectl rollout undo deployment/vote' }, swarm: { reason: 'nothingToRollBack' } });
    expect(planPaired({ type: 'rollBack' }, k8s(), swarm({ main: { ...swarm().main!, canRollBack: true } })).swarm).toEqual({ command: 'docker service rollback vote_vote' });
  });
});

describe('paired actions on the real clusters', () => {
  let cluster: Cluster;
  let shell: Shell;
  const run = (line: string) => {
    let out = '';
    const exec = shell.run(line, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
    driveUntilDone(cluster, exec, () => {});
    return out;
  };
  const objects = (): KubernetesObjects => {
    const c = cluster.client();
    const stoppedNodes = c.list('nodes').map((n) => n.metadata.name).filter((n) => cluster.isNodeStopped(n));
    return { nodes: c.list('nodes'), pods: c.list('pods'), deployments: c.list('deployments.apps'), replicaSets: c.list('replicasets.apps'), stoppedNodes } as unknown as KubernetesObjects;
  };
  const swarmObjects = () => {
    const s = swarmFor(cluster);
    return { nodes: s.nodes(), services: s.services(), tasks: s.tasks(), stoppedNodes: s.nodes().filter((n) => s.isNodeStopped(n.id)).map((n) => n.id) };
  };
  const plan = (action: Parameters<typeof planPaired>[0]) => planPaired(action, kubernetesSide(objects()), swarmSide(swarmObjects()));

  beforeAll(async () => {
    await preloadShellData();
    cluster = createCluster({ seed: 1 });
    shell = createShell({ cluster, files: memoryFiles(() => VOTING_APP_FILES) });
  });

  it('before the deploy, only Deploy and nothing else has a command', () => {
    expect(plan({ type: 'scale', replicas: 3 })).toEqual({ kubernetes: { reason: 'notDeployed' }, swarm: { reason: 'notDeployed' } });
    for (const line of planCommands(plan({ type: 'deploy' }))) run(line);
    run('sleep 1m');
  });

  it('reads both deployed apps: the vote workloads and where their instances run', () => {
    const k = kubernetesSide(objects());
    const s = swarmSide(swarmObjects());
    expect(k.main).toEqual({ name: 'vote', container: 'vote', image: 'dockersamples/examplevotingapp_vote', replicas: 2, canRollBack: false });
    expect(s.main).toMatchObject({ name: 'vote_vote', image: 'dockersamples/examplevotingapp_vote', replicas: 2, canRollBack: false });
    expect(k.running).toHaveLength(7);
    expect(s.running).toHaveLength(7);
    expect(s.workers.map((w) => w.name)).toEqual(['worker1', 'worker2']);
  });

  it('traffic on both: every request answered on each side, spread over the two vote replicas', () => {
    const [k, s] = planCommands(plan({ type: 'traffic' })).map(run);
    expect(k).toMatch(/^600 requests in 1m0s: 600 answered \(600× 200\), 0 failed$/m);
    expect(s).toMatch(/^600 requests in 1m0s: 600 answered \(600× 200\), 0 failed$/m);
    expect(k.match(/^vote-\S+\s+\d+/gm)).toHaveLength(2);
    expect(s).toMatch(/^vote_vote\.1\s+300\s+50\.0%\nvote_vote\.2\s+300\s+50\.0%$/m);
  });

  it('stops a worker running app instances on each side, and both clusters see it', () => {
    const lines = planCommands(plan({ type: 'stopNode' }));
    expect(lines).toHaveLength(2);
    const [k8sNode, swarmNode] = lines.map((l) => l.split(' ').pop()!);
    expect(kubernetesSide(objects()).running.some((r) => r.node === k8sNode)).toBe(true);
    expect(swarmSide(swarmObjects()).running.some((r) => r.node === swarmNode)).toBe(true);
    expect(run(lines[0])).toBe(`node/${k8sNode} stopped\n`);
    expect(run(lines[1])).toBe(`node/${swarmNode} stopped\n`);
    expect(planCommands(plan({ type: 'startNode' }))).toEqual([`kubeplay node start ${k8sNode}`, `kubeplay node start ${swarmNode}`]);
    for (const line of planCommands(plan({ type: 'startNode' }))) run(line);
    expect(plan({ type: 'startNode' })).toEqual({ kubernetes: { reason: 'noStoppedNode' }, swarm: { reason: 'noStoppedNode' } });
  });

  it('after a roll-out both sides have a version to roll back to', () => {
    for (const line of planCommands(plan({ type: 'rollOut' }))) run(line);
    run('sleep 2m');
    const k = kubernetesSide(objects()).main!;
    const s = swarmSide(swarmObjects()).main!;
    expect([k.image, k.canRollBack]).toEqual(['dockersamples/examplevotingapp_vote:after', true]);
    expect([s.image, s.canRollBack]).toEqual(['dockersamples/examplevotingapp_vote:after', true]);
    expect(planCommands(plan({ type: 'rollBack' }))).toEqual(['kubectl rollout undo deployment/vote', 'docker service rollback vote_vote']);
  });
});
