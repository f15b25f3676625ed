import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/k8s/index';
import { diskFilesFor } from './diskFiles';
import { runScript } from './runScript';

/**
 * Every real third-party stack file in `src/scenarios/examples/swarm/`
 * (copied from ../shared/examples) deployed with `docker stack deploy` on
 * the default swarm (manager1, worker1, worker2): the services it creates
 * and what `docker stack services` shows once they have converged, or the
 * error real Docker gives.
 */
const dir = join(dirname(fileURLToPath(import.meta.url)), '../scenarios/examples/swarm');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

function play(lines: string[]): string {
  let out = '';
  const cluster = createCluster({ seed: 1 });
  runScript(lines.join('\n'), { cluster, files: diskFilesFor(dir), write: (t) => (out += t) });
  return out;
}

/** NAME → REPLICAS of `docker stack services`, the converged state on three nodes. */
const EXPECTED: Record<string, Record<string, string> | { error: string }> = {
  'dogvscat__stack-proxy-global.yaml': { 'st_consul': '1/1', 'st_dockersocket': '1/1', 'st_traefik': '3/3', 'st_traefik-init': '1/1' },
  'dogvscat__stack-prune.yaml': {
    error: 'failed to create service st_image-prune: Error response from daemon: The network bridge cannot be used with services. Only networks scoped to the swarm can be used, such as those created with the overlay driver.',
  },
  'dogvscat__stack-visualizer.yaml': { st_viz: '1/1' },
  'udemy-docker-mastery__swarm-stack-1-example-voting-app-stack.yaml': { st_db: '1/1', st_redis: '1/1', st_result: '1/1', st_visualizer: '1/1', st_vote: '2/2', st_worker: '1/1' },
  // db wants node.labels.ssd == true, which no node has until labelled: it stays pending.
  'udemy-docker-mastery__swarm-stack-4-answer-voting-app-placement.yaml': { st_db: '0/1', st_redis: '1/1', st_result: '1/1', st_vote: '2/2', st_worker: '2/2' },
  'udemy-docker-mastery__swarm-stack-5-example-voting-app-stack.yaml': { st_db: '1/1', st_redis: '1/1', st_result: '1/1', st_vote: '3/3', st_worker: '3/3' },
  'voting-app-e8e002b__docker-stack.yaml': { st_db: '1/1', st_redis: '1/1', st_result: '1/1', st_visualizer: '1/1', st_vote: '2/2', st_worker: '1/1' },
  'voting-app__docker-stack.yaml': { st_db: '1/1', st_redis: '1/1', st_result: '1/1', st_vote: '2/2', st_worker: '2/2' },
};

describe('the shared example stacks', () => {
  it('are all here', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s deploys as on a real swarm', (file) => {
    const out = play([`docker stack deploy -c ${file} st`, 'sleep 1m', 'docker stack services st']);
    expect(out).not.toMatch(/internal error|TypeError|undefined is not/);
    const want = EXPECTED[file];
    if ('error' in want) {
      expect(out).toContain(`${want.error}\n`);
      return;
    }
    for (const name of Object.keys(want)) expect(out).toContain(`Creating service ${name}\n`);
    const table = out.slice(out.lastIndexOf('$ docker stack services st'));
    const got: Record<string, string> = {};
    for (const line of table.split('\n').slice(2)) {
      const cols = line.split(/\s{3,}/);
      if (cols.length >= 4) got[cols[1]] = cols[3];
    }
    expect(got).toEqual(want);
  });

  it('the voting app creates its overlay networks first, each once, and names the default network when a service names none', () => {
    const out = play(['docker stack deploy -c voting-app-e8e002b__docker-stack.yaml vote']);
    const created = out.split('\n').filter((l) => l.startsWith('Creating'));
    expect(created).toEqual([
      'Creating network vote_backend',
      'Creating network vote_default',
      'Creating network vote_frontend',
      'Creating service vote_db',
      'Creating service vote_redis',
      'Creating service vote_result',
      'Creating service vote_visualizer',
      'Creating service vote_vote',
      'Creating service vote_worker',
    ]);
  });

  it('the traefik stack creates its network named `proxy` without the stack prefix', () => {
    const out = play(['docker stack deploy -c dogvscat__stack-proxy-global.yaml proxy']);
    expect(out).toContain('Creating network proxy\n');
    expect(out).toContain('Creating network proxy_traefik-consul\n');
  });
});
