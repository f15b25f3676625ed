import { describe, expect, it } from 'vitest';
import { convertService } from './convertService';
import { interpolate, substitute } from './interpolate';
import { loadCompose } from './loadCompose';
import { composePorts, composeVolumes } from './ports';
import { parseBytes, parseDuration, shellSplit } from './units';

const env = (vars: Record<string, string>) => (k: string) => vars[k];
const none = () => undefined;
const load = (text: string, ...more: string[]) => loadCompose([{ name: 'a.yml', text }, ...more.map((t, i) => ({ name: `b${i}.yml`, text: t }))], none);

describe('compose interpolation (as docker stack deploy)', () => {
  it('substitutes $VAR and ${VAR}, unset as empty, $$ as a literal $', () => {
    expect(substitute('a $X ${X} $$X ${Y}', env({ X: '1' }))).toBe('a 1 1 $X ');
  });

  it('takes :- defaults when unset or empty and - defaults only when unset', () => {
    expect(substitute('${A:-d} ${B:-d} ${A-d} ${B-d}', env({ B: '' }))).toBe('d d d ');
  });

  it('fails on a required variable with the CLI wording and the path', () => {
    expect(interpolate({ services: { web: { image: '${TAG:?set the tag}' } } }, none)).toEqual({ error: 'error while interpolating services.web.image: required variable TAG is missing a value: set the tag' });
  });

  it('refuses a lone $ brace with the escape hint', () => {
    expect(interpolate({ services: { web: { image: 'nginx${' } } }, none)).toEqual({ error: 'invalid interpolation format for services.web.image: "nginx${". You may need to escape any $ with another $.' });
  });

  it('reads no .env file: a ${VAR:-default} in a volume driver takes the default', () => {
    const r = load('version: "3.7"\nservices:\n  a:\n    image: x\nvolumes:\n  v:\n    driver: ${DOCKER_VOL_DRIVER:-local}\n');
    expect(r.ok && (r.config.volumes as Record<string, { driver: string }>).v.driver).toBe('local');
  });
});

describe('compose loading', () => {
  it('reports unsupported and deprecated keys on stderr as the CLI does', () => {
    const r = load('services:\n  a:\n    image: x\n    build: .\n    restart: always\n    container_name: c\n    expose: ["80"]\n    depends_on: [b]\n  b:\n    image: redis\n    links: [a]\n');
    expect(r.ok && r.notices).toBe(
      'Ignoring unsupported options: build, links, restart\n\n' +
        "Ignoring deprecated options:\n\ncontainer_name: Setting the container name is not supported.\n\nexpose: Exposing ports is unnecessary - services on the same network can access each other's containers on any port.\n\n",
    );
  });

  it('stops on forbidden keys with the CLI error', () => {
    expect(load('services:\n  a:\n    image: x\n    mem_limit: 1g\n')).toEqual({ ok: false, error: 'Compose file contains unsupported options:\n\nmem_limit: Set resource limits using deploy.resources\n' });
  });

  it('gives YAML errors with line and column', () => {
    const r = load('services:\n  a:\n    image: x\n   bad: [\n');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^yaml: line \d+, column \d+: /);
  });

  it('refuses a top level that is not a mapping', () => {
    expect(load('- a\n- b\n')).toEqual({ ok: false, error: 'top-level object must be a mapping' });
  });

  it('refuses versions other than 3.x, and reads a missing version as 3.13', () => {
    expect(load('version: "2.4"\nservices: {}\n')).toEqual({ ok: false, error: 'unsupported Compose file version: 2.4' });
    expect(load('services:\n  a:\n    image: x\n')).toMatchObject({ ok: true, version: '3.13' });
  });

  it('names schema violations by path, as gojsonschema through the CLI', () => {
    expect(load('services:\n  a:\n    imag: x\n')).toEqual({ ok: false, error: 'services.a Additional property imag is not allowed' });
    expect(load('services:\n  a:\n    image: x\n    deploy:\n      replicas: two\n')).toEqual({ ok: false, error: 'services.a.deploy.replicas must be a integer' });
    expect(load('services: {}\nfoo: 1\n')).toEqual({ ok: false, error: '(root) Additional property foo is not allowed' });
  });

  it('follows YAML merge keys and ignores x- extension fields', () => {
    const r = load("version: '3.7'\nx-opts: &o\n  logging:\n    options:\n      max-size: 1m\nservices:\n  a:\n    <<: *o\n    image: x\n");
    expect(r.ok && (r.config.services as Record<string, { logging: unknown }>).a.logging).toEqual({ options: { 'max-size': '1m' } });
  });

  it('merges several files: later keys win, environment maps add up', () => {
    const r = load('services:\n  a:\n    image: x:1\n    environment: [A=1, B=2]\n', 'services:\n  a:\n    image: x:2\n    environment:\n      B: 3\n');
    expect(r.ok && (r.config.services as Record<string, unknown>).a).toEqual({ image: 'x:2', environment: { A: '1', B: 3 } });
  });

  it('refuses files of different versions', () => {
    expect(load('version: "3.7"\nservices: {}\n', 'version: "3.8"\nservices: {}\n')).toEqual({ ok: false, error: 'version mismatched between two composefiles : 3.7 and 3.8' });
  });
});

describe('compose values', () => {
  it('parses Go durations and binary sizes', () => {
    expect([parseDuration('10s'), parseDuration('1m30s'), parseDuration('500ms'), parseDuration('1.5h'), parseDuration('10')]).toEqual([10_000, 90_000, 500, 5_400_000, undefined]);
    expect([parseBytes('512M'), parseBytes('1g'), parseBytes('50MiB'), parseBytes(1024)]).toEqual([512 * 1024 ** 2, 1024 ** 3, 50 * 1024 ** 2, 1024]);
  });

  it('splits a string command as a shell would', () => {
    expect(shellSplit('sh -c "while true; do echo \\"x\\"; done"')).toEqual(['sh', '-c', 'while true; do echo "x"; done']);
    expect(shellSplit("agent -server -bootstrap-expect=1 'a b'")).toEqual(['agent', '-server', '-bootstrap-expect=1', 'a b']);
  });

  it('reads short and long port syntax; short ports publish through the routing mesh', () => {
    expect(composePorts(['5002:80', '5000:80', 80, '53:53/udp'])).toEqual([
      { protocol: 'tcp', targetPort: 80, publishedPort: 0, publishMode: 'ingress' },
      { protocol: 'udp', targetPort: 53, publishedPort: 53, publishMode: 'ingress' },
      { protocol: 'tcp', targetPort: 80, publishedPort: 5000, publishMode: 'ingress' },
      { protocol: 'tcp', targetPort: 80, publishedPort: 5002, publishMode: 'ingress' },
    ]);
    expect(composePorts([{ target: 80, published: 80, protocol: 'tcp', mode: 'host' }])).toEqual([{ protocol: 'tcp', targetPort: 80, publishedPort: 80, publishMode: 'host' }]);
    expect(composePorts(['8080-8081:80-81']).length).toBe(2);
    expect(composePorts(['abc'])).toBe('Invalid containerPort: abc');
  });

  it('tells named volumes from bind mounts', () => {
    expect(composeVolumes(['db-data:/var/lib/postgresql/data', '/var/run/docker.sock:/var/run/docker.sock:ro', '/anon'])).toEqual([
      { type: 'volume', source: 'db-data', target: '/var/lib/postgresql/data', readOnly: false },
      { type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock', readOnly: true },
      { type: 'volume', source: '', target: '/anon', readOnly: false },
    ]);
  });
});

describe('a compose service as a swarm service spec', () => {
  const convert = (svc: unknown, config: Record<string, unknown> = {}) => convertService('web', svc, { namespace: 'vote', config, lookup: none, envFiles: {} });

  it('scopes the name, labels the stack and keeps deploy.labels on the service, labels on the container', () => {
    const s = convert({ image: 'nginx', labels: { tier: 'front' }, deploy: { labels: ['APP=VOTING'] } });
    expect(s.name).toBe('vote_web');
    expect(s.labels).toEqual({ APP: 'VOTING', 'com.docker.stack.namespace': 'vote', 'com.docker.stack.image': 'nginx' });
    expect(s.containerLabels).toEqual({ tier: 'front', 'com.docker.stack.namespace': 'vote' });
  });

  it('takes deploy keys as Swarm honors them', () => {
    const s = convert({
      image: 'redis',
      deploy: {
        replicas: 2,
        update_config: { parallelism: 2, delay: '10s', order: 'start-first' },
        rollback_config: { parallelism: 0 },
        restart_policy: { condition: 'on-failure', delay: '10s', max_attempts: 3, window: '120s' },
        placement: { constraints: ['node.role == manager'], preferences: [{ spread: 'node.labels.zone' }], max_replicas_per_node: 1 },
        resources: { limits: { cpus: '0.5', memory: '512M' }, reservations: { cpus: '0.25', memory: '128M' } },
        endpoint_mode: 'dnsrr',
      },
    });
    expect(s.mode).toEqual({ replicated: { replicas: 2 } });
    expect(s.updateConfig).toEqual({ parallelism: 2, delay: 10_000, failureAction: 'pause', monitor: 5_000, maxFailureRatio: 0, order: 'start-first' });
    expect(s.rollbackConfig.parallelism).toBe(0);
    expect(s.restartPolicy).toEqual({ condition: 'on-failure', delay: 10_000, maxAttempts: 3, window: 120_000 });
    expect(s.placement).toEqual({ constraints: ['node.role == manager'], preferences: ['spread=node.labels.zone'], maxReplicas: 1 });
    expect(s.resources).toEqual({ limits: { nanoCPUs: 5e8, memoryBytes: 512 * 1024 ** 2 }, reservations: { nanoCPUs: 2.5e8, memoryBytes: 128 * 1024 ** 2 } });
    expect(s.endpointMode).toBe('dnsrr');
  });

  it('defaults to one replica, and refuses replicas with global mode', () => {
    expect(convert({ image: 'x' }).mode).toEqual({ replicated: { replicas: 1 } });
    expect(convert({ image: 'x', deploy: { mode: 'global' } }).mode).toEqual({ global: {} });
    expect(() => convert({ image: 'x', deploy: { mode: 'global', replicas: 2 } })).toThrow('replicas can only be used with replicated or replicated-job mode');
    expect(() => convert({ image: 'x', deploy: { mode: 'daemon' } })).toThrow('unknown mode: daemon');
  });

  it('maps the legacy restart: onto the restart policy when deploy.restart_policy is absent', () => {
    expect(convert({ image: 'x', restart: 'on-failure:3' }).restartPolicy).toMatchObject({ condition: 'on-failure', maxAttempts: 3, delay: 5_000 });
    expect(convert({ image: 'x', restart: 'no' }).restartPolicy.condition).toBe('any');
  });

  it('splits command into args and entrypoint into the command; sorts the environment', () => {
    const s = convert({ image: 'x', entrypoint: '/bin/sh -c', command: ['run', 'it'], environment: { B: '2', A: 1, C: null } });
    expect([s.command, s.args, s.env]).toEqual([['/bin/sh', '-c'], ['run', 'it'], ['A=1', 'B=2', 'C']]);
  });

  it('attaches to scoped networks (the default one when none is named) with the service key as alias', () => {
    expect(convert({ image: 'x' }).networks).toEqual([{ target: 'vote_default', aliases: ['web'] }]);
    expect(convert({ image: 'x', networks: ['front', 'back'] }, { networks: { front: null, back: { name: 'shared' } } }).networks).toEqual([
      { target: 'shared', aliases: ['web'] },
      { target: 'vote_front', aliases: ['web'] },
    ]);
    expect(() => convert({ image: 'x', networks: ['nope'] })).toThrow('undefined network "nope"');
  });

  it('scopes named volumes, keeps binds, and refuses undeclared volumes', () => {
    expect(convert({ image: 'x', volumes: ['data:/d', '/h:/c'] }, { volumes: { data: null } }).mounts).toEqual([
      { type: 'volume', source: 'vote_data', target: '/d', readOnly: false },
      { type: 'bind', source: '/h', target: '/c', readOnly: false },
    ]);
    expect(() => convert({ image: 'x', volumes: ['data:/d'] })).toThrow('undefined volume "data"');
  });

  it('references secrets and configs by scoped name', () => {
    const s = convert({ image: 'x', secrets: ['pw'], configs: [{ source: 'conf', target: '/etc/app.conf' }] }, { secrets: { pw: { file: 'pw.txt' } }, configs: { conf: { file: 'a.conf' } } });
    expect([s.secrets, s.configs]).toEqual([[{ name: 'vote_pw', target: 'pw' }], [{ name: 'vote_conf', target: '/etc/app.conf' }]]);
    expect(() => convert({ image: 'x', secrets: ['nope'] })).toThrow('undefined secret "nope"');
  });

  it('reads the healthcheck: a string test runs in a shell, disable is NONE', () => {
    expect(convert({ image: 'x', healthcheck: { test: 'curl -f localhost', interval: '10s', retries: 3 } }).healthcheck).toEqual({ test: ['CMD-SHELL', 'curl -f localhost'], interval: 10_000, timeout: 0, startPeriod: 0, retries: 3 });
    expect(convert({ image: 'x', healthcheck: { disable: true } }).healthcheck?.test).toEqual(['NONE']);
  });
});
