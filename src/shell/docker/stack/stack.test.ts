import { describe, expect, it } from 'vitest';
import { shellHarness } from '../../testing/shellHarness';

const BACKGROUND = 'Since --detach=false was not specified, tasks will be created in the background.\nIn a future release, --detach=false will become the default.\n';

const WEB = `version: "3.8"
services:
  web:
    image: nginx:alpine
    ports: ["8080:80"]
    networks: [front]
    deploy:
      replicas: 2
      update_config:
        parallelism: 2
        delay: 10s
  cache:
    image: redis:alpine
    build: .
    container_name: cache
networks:
  front:
`;

describe('docker stack', () => {
  it('deploy prints the notices on stderr, then creates networks and services with the stack prefix', () => {
    const { run } = shellHarness({ 'web.yml': WEB });
    const t = run('docker stack deploy -c web.yml app');
    expect(t.exitCode).toBe(0);
    expect(t.stderr).toBe(`Ignoring unsupported options: build\n\nIgnoring deprecated options:\n\ncontainer_name: Setting the container name is not supported.\n\n${BACKGROUND}`);
    expect(t.stdout).toBe('Creating network app_default\nCreating network app_front\nCreating service app_cache\nCreating service app_web\n');
  });

  it('without the background note when --detach is given', () => {
    const { run } = shellHarness({ 'web.yml': WEB });
    expect(run('docker stack deploy -d -c web.yml app').stderr).not.toContain('Since --detach');
  });

  it('deploy again updates each service by name and ID and creates nothing twice', () => {
    const { run } = shellHarness({ 'web.yml': WEB });
    run('docker stack deploy -c web.yml app');
    const id: string = JSON.parse(run('docker service inspect app_web').stdout)[0].ID;
    const again = run('docker stack deploy -c web.yml app');
    expect(again.stdout).toMatch(/^Updating service app_cache \(id: [0-9a-z]{25}\)\nUpdating service app_web \(id: [0-9a-z]{25}\)\n$/);
    expect(again.stdout).toContain(`Updating service app_web (id: ${id})`);
  });

  it('services, ls and ps show the stack in the docker tables', () => {
    const { run } = shellHarness({ 'web.yml': WEB });
    run('docker stack deploy -c web.yml app', 0);
    run('sleep 30s', 30_000);
    expect(run('docker stack ls').stdout).toBe('NAME      SERVICES\napp       2\n');
    const services = run('docker stack services app').stdout.split('\n');
    expect(services[0]).toBe('ID             NAME        MODE         REPLICAS   IMAGE          PORTS');
    expect(services[1]).toMatch(/^[0-9a-z]{12} {3}app_cache {3}replicated {3}1\/1 {8}redis:alpine {3}$/);
    expect(services[2]).toMatch(/^[0-9a-z]{12} {3}app_web {5}replicated {3}2\/2 {8}nginx:alpine {3}\*:8080->80\/tcp$/);
    const ps = run('docker stack ps app').stdout.split('\n');
    expect(ps[0]).toMatch(/^ID {13}NAME {10}IMAGE {10}NODE {7}DESIRED STATE {3}CURRENT STATE/);
    expect(ps.slice(1, 4).map((l) => l.split(/\s{3,}/)[1])).toEqual(['app_cache.1', 'app_web.1', 'app_web.2']);
  });

  it('keeps update_config and the stack labels in the service spec', () => {
    const { run } = shellHarness({ 'web.yml': WEB });
    run('docker stack deploy -c web.yml app');
    const spec = JSON.parse(run('docker service inspect app_web').stdout)[0].Spec;
    expect(spec.Labels).toEqual({ 'com.docker.stack.image': 'nginx:alpine', 'com.docker.stack.namespace': 'app' });
    expect(spec.UpdateConfig).toMatchObject({ Parallelism: 2, Delay: 10_000_000_000 });
  });

  it('rm removes services in name order, then the networks; a second rm finds nothing', () => {
    const { run } = shellHarness({ 'web.yml': WEB });
    run('docker stack deploy -c web.yml app');
    const t = run('docker stack rm app');
    expect(t.stdout).toBe('Removing service app_cache\nRemoving service app_web\nRemoving network app_default\nRemoving network app_front\n');
    expect(run('docker stack ls').stdout).toBe('NAME      SERVICES\n');
    const again = run('docker stack rm app');
    expect([again.stdout, again.stderr, again.exitCode]).toEqual(['', 'Nothing found in stack: app\n', 0]);
  });

  it('--prune removes the services the file no longer names', () => {
    const { run } = shellHarness({ 'web.yml': WEB, 'small.yml': 'services:\n  web:\n    image: nginx:alpine\n' });
    run('docker stack deploy -c web.yml app');
    const t = run('docker stack deploy --prune -c small.yml app');
    expect(t.stdout).toMatch(/^Removing service app_cache\nUpdating service app_web/);
  });

  it('services and ps of an unknown stack say nothing was found (ps fails)', () => {
    const { run } = shellHarness();
    expect([run('docker stack services nope').stderr, run('docker stack services nope').exitCode]).toEqual(['Nothing found in stack: nope\n', 0]);
    expect([run('docker stack ps nope').stderr, run('docker stack ps nope').exitCode]).toEqual(['nothing found in stack: nope\n', 1]);
  });

  it('refuses a missing file, a missing -c, and an undeclared network with the CLI errors', () => {
    const { run } = shellHarness({ 'bad.yml': 'services:\n  a:\n    image: x\n    networks: [nope]\n' });
    expect(run('docker stack deploy -c none.yml app').stderr).toBe('open none.yml: no such file or directory\n');
    expect(run('docker stack deploy app').stderr).toBe('Please specify a Compose file (with --compose-file)\n');
    const t = run('docker stack deploy -d -c bad.yml app');
    expect([t.stdout, t.stderr, t.exitCode]).toEqual(['Creating network app_nope\n', 'service a: undefined network "nope"\n', 1]);
  });

  it('an external network must exist already, as a swarm-scoped network', () => {
    const { run } = shellHarness({ 'ext.yml': 'services:\n  a:\n    image: x\n    networks: [pub]\nnetworks:\n  pub:\n    external: true\n' });
    expect(run('docker stack deploy -d -c ext.yml app').stderr).toBe(
      'network "pub" is declared as external, but could not be found. You need to create a swarm-scoped network before the stack is deployed\n',
    );
  });

  it('creates file-based secrets and configs once, named after the stack', () => {
    const yml = 'services:\n  a:\n    image: nginx\n    secrets: [pw]\n    configs: [site]\nsecrets:\n  pw:\n    file: ./pw.txt\nconfigs:\n  site:\n    file: ./site.conf\n';
    const { run } = shellHarness({ 's/app.yml': yml, 's/pw.txt': 'hunter2', 's/site.conf': 'server {}' });
    expect(run('docker stack deploy -d -c s/app.yml app').stdout).toBe('Creating network app_default\nCreating secret app_pw\nCreating config app_site\nCreating service app_a\n');
    expect(run('docker stack deploy -d -c s/app.yml app').stdout).not.toContain('Creating');
    expect(run('docker stack rm app').stdout).toBe('Removing service app_a\nRemoving secret app_pw\nRemoving config app_site\nRemoving network app_default\n');
  });
});

describe('a stack service in docker service inspect', () => {
  const yml = 'services:\n  db:\n    image: postgres:15-alpine\n    volumes: [db-data:/var/lib/postgresql/data]\n    networks: [backend]\n    secrets: [pw]\nnetworks:\n  backend:\nvolumes:\n  db-data:\nsecrets:\n  pw:\n    file: pw.txt\n';

  it('--pretty lists its mounts, secrets and networks as the CLI template does', () => {
    const { run } = shellHarness({ 'db.yml': yml, 'pw.txt': 'x' });
    run('docker stack deploy -d -c db.yml vote');
    const out = run('docker service inspect --pretty vote_db').stdout;
    expect(out).toContain(' Init:\t\tfalse\nMounts:\n Target:\t/var/lib/postgresql/data\n  Source:\tvote_db-data\n  ReadOnly:\tfalse\n  Type:\t\tvolume\nSecrets:\n Target:\tpw\n  Source:\tvote_pw\n');
    expect(out).toContain('Networks: vote_backend \nEndpoint Mode:\tvip\n');
  });

  it('the JSON names the network by ID with the service key as alias', () => {
    const { run } = shellHarness({ 'db.yml': yml, 'pw.txt': 'x' });
    run('docker stack deploy -d -c db.yml vote');
    const tt = JSON.parse(run('docker service inspect vote_db').stdout)[0].Spec.TaskTemplate;
    expect(tt.Networks).toEqual([{ Target: expect.stringMatching(/^[0-9a-z]{25}$/), Aliases: ['db'] }]);
    expect(tt.ContainerSpec.Labels).toEqual({ 'com.docker.stack.namespace': 'vote' });
    expect(tt.ContainerSpec.Mounts).toEqual([{ Type: 'volume', Source: 'vote_db-data', Target: '/var/lib/postgresql/data' }]);
  });
});

describe('docker stack deploy --detach=false', () => {
  it('waits for each service in turn with the convergence display', () => {
    const { run } = shellHarness({ 'web.yml': WEB });
    const t = run('docker stack deploy --detach=false -c web.yml app', 120_000);
    expect(t.exitCode).toBe(0);
    expect(t.stderr).not.toContain('Since --detach');
    expect(t.stdout).toBe(
      'Creating network app_default\nCreating network app_front\nCreating service app_cache\nCreating service app_web\n' +
        `overall progress: 1 out of 1 tasks \n1/1: running   [${'='.repeat(50)}>] \nverify: Service converged \n` +
        `overall progress: 2 out of 2 tasks \n1/2: running   [${'='.repeat(50)}>] \n2/2: running   [${'='.repeat(50)}>] \nverify: Service converged \n`,
    );
  });

  it('with -q prints only the creation lines', () => {
    const { run } = shellHarness({ 'web.yml': WEB });
    const t = run('docker stack deploy --detach=false -q -c web.yml app', 120_000);
    expect([t.exitCode, t.stdout]).toEqual([0, 'Creating network app_default\nCreating network app_front\nCreating service app_cache\nCreating service app_web\n']);
  });
});

describe('external secrets', () => {
  it('must exist: a missing one stops the deploy before any service', () => {
    const { run } = shellHarness({ 'a.yml': 'services:\n  a:\n    image: nginx\n    secrets: [pw]\nsecrets:\n  pw:\n    external: true\n' });
    const t = run('docker stack deploy -d -c a.yml app');
    expect([t.stdout, t.stderr, t.exitCode]).toEqual(['Creating network app_default\n', 'service a: secret not found: pw\n', 1]);
  });
});

describe('stack deploy against a daemon that cannot take it', () => {
  it('on a worker: reads the file, then says the node is not a swarm manager, and changes nothing', () => {
    const { run } = shellHarness({ 'web.yml': WEB });
    const t = run('docker -H worker1 stack deploy -c web.yml app');
    expect(t.exitCode).toBe(1);
    expect(t.stdout).toBe('');
    expect(t.stderr).toBe(
      `Ignoring unsupported options: build\n\nIgnoring deprecated options:\n\ncontainer_name: Setting the container name is not supported.\n\n${BACKGROUND}this node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again\n`,
    );
    expect(run('docker stack ls').stdout).toBe('NAME      SERVICES\n');
  });

  it('a bad file is reported before the daemon is asked', () => {
    const { run } = shellHarness({ 'bad.yml': 'services:\n  a:\n    imag: x\n' });
    expect(run('docker -H worker1 stack deploy -c bad.yml app').stderr).toBe('services.a Additional property imag is not allowed\n');
  });
});
