import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCluster } from '../sim/k8s/index';
import { preloadShellData } from '../shell/index';
import { memoryFiles } from '../shell/memoryFiles';
import { parse, parseAllDocuments } from 'yaml';
import { DEPLOY_VOTING_APP, VOTING_APP_FILES, VOTING_APP_MANIFESTS, VOTING_APP_STACK_YAML } from '../scenarios/votingApp';
import { runScript } from './runScript';

/** The paired voting app: the same application deploys on both clusters. */
const examples = join(dirname(fileURLToPath(import.meta.url)), '../scenarios/examples');

function play(lines: string[]): string {
  let out = '';
  runScript(lines.join('\n'), { cluster: createCluster({ seed: 1 }), files: memoryFiles(() => VOTING_APP_FILES), write: (t) => (out += t) });
  return out;
}

beforeAll(preloadShellData);

describe('the paired voting app', () => {
  it('the golden scenarios read the same manifests from disk', () => {
    expect(readFileSync(join(examples, '../../cli/scenarios/paired-voting-app.yaml'), 'utf8')).toBe(VOTING_APP_MANIFESTS);
  });

  it("keeps upstream's docker-stack.yml byte for byte", () => {
    expect(VOTING_APP_STACK_YAML).toBe(readFileSync(join(examples, 'swarm/voting-app__docker-stack.yaml'), 'utf8'));
  });

  it("holds upstream's db Deployment and the db and vote Services exactly", () => {
    const docs = parseAllDocuments(VOTING_APP_MANIFESTS).map((d) => d.toJS() as { kind: string; metadata: { name: string } });
    for (const file of ['db-deployment', 'db-service', 'vote-service']) {
      const upstream = parse(readFileSync(join(examples, `kubernetes/voting-app__k8s-specifications-${file}.yaml`), 'utf8')) as { kind: string; metadata: { name: string } };
      expect(docs.find((d) => d.kind === upstream.kind && d.metadata.name === upstream.metadata.name)).toEqual(upstream);
    }
  });

  it('deploys the five Deployments and four Services on Kubernetes, all available', () => {
    const out = play([DEPLOY_VOTING_APP.kubernetes, 'sleep 1m', 'kubectl get deployments', 'kubectl get services']);
    for (const name of ['db', 'redis', 'vote', 'result', 'worker']) expect(out).toContain(`deployment.apps/${name} created`);
    for (const name of ['db', 'redis', 'vote', 'result']) expect(out).toContain(`service/${name} created`);
    expect(out).toMatch(/^vote\s+2\/2\s+2\s+2/m);
    expect(out).toMatch(/^worker\s+2\/2\s+2\s+2/m);
    expect(out).toMatch(/^result\s+1\/1/m);
    expect(out).toMatch(/^result\s+NodePort\s+\S+\s+<none>\s+8081:31001\/TCP/m);
  });

  it('deploys as the stack "vote" with the same replica counts on the swarm', () => {
    const out = play([DEPLOY_VOTING_APP.swarm, 'sleep 1m', 'docker stack services vote']);
    expect(out).toContain('Creating service vote_vote');
    expect(out).toMatch(/vote_vote\s+replicated\s+2\/2\s+dockersamples\/examplevotingapp_vote\s+\*:8080->80\/tcp/);
    expect(out).toMatch(/vote_worker\s+replicated\s+2\/2/);
    expect(out).toMatch(/vote_result\s+replicated\s+1\/1\s+\S+\s+\*:8081->80\/tcp/);
  });

  it("logs the same program's lines on both sides: gunicorn's start-up and its access log for each request", () => {
    const out = play([DEPLOY_VOTING_APP.kubernetes, DEPLOY_VOTING_APP.swarm, 'sleep 1m', 'kubeplay traffic vote --rps 1 --for 2s', 'kubeplay traffic vote_vote --rps 1 --for 2s', 'kubectl logs deployment/vote', 'docker service logs --raw vote_vote']);
    const k8s = out.slice(out.indexOf('$ kubectl logs'), out.indexOf('$ docker service logs'));
    const swarm = out.slice(out.indexOf('$ docker service logs'));
    for (const logs of [k8s, swarm]) {
      expect(logs).toMatch(/^\[2025-03-01 09:00:\d\d \+0000\] \[1\] \[INFO\] Starting gunicorn 23\.0\.0$/m);
      expect(logs).toMatch(/^\[2025-03-01 09:00:\d\d \+0000\] \[10\] \[INFO\] Booting worker with pid: 10$/m);
      expect(logs).toMatch(/^\S+ - - \[01\/Mar\/2025:09:01:0\d \+0000\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "kubeplay-traffic"$/m);
    }
  });
});
