import { beforeAll, describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/k8s/index';
import { createShell, preloadShellData } from '../../shell/index';
import { driveUntilDone } from '../../session/drive';
import { evaluateCheck, formatCheckResult } from '../evaluateCheck';
import type { Check } from '../types';
import { parseLesson } from '../parseLesson';
import { parseSwarmQuestion, swarmQuestionCommand } from './swarm';

beforeAll(preloadShellData);

/** A playground whose terminal runs `docker` lines to the end, as the CLI does. */
function playground() {
  const cluster = createCluster({ workers: 1 });
  const shell = createShell({ cluster, files: { read: () => undefined } });
  const run = (...lines: string[]) => {
    for (const line of lines) driveUntilDone(cluster, shell.run(line, { stdout: () => {}, stderr: () => {} }), () => {});
  };
  const ask = (...questions: string[]) => {
    const probes = questions.map((text, i) => {
      const q = parseSwarmQuestion(text);
      if (typeof q === 'string') throw new Error(q);
      return { command: swarmQuestionCommand(q), line: i + 1, expectations: [], question: q };
    });
    return evaluateCheck({ line: 0, probes } satisfies Check, shell);
  };
  return { cluster, shell, run, ask };
}

describe('swarm questions in checks', () => {
  it('reads a question and names the docker command that shows the same thing', () => {
    const q = parseSwarmQuestion('service  web has 3 running tasks');
    expect(q).toEqual({ text: 'service web has 3 running tasks', kind: 0, words: ['web', '==', '3', 'running'] });
    if (typeof q === 'string') return;
    expect(swarmQuestionCommand(q)).toBe('docker service ps web');
  });

  it('explains a line that is not a question, and a word it does not know', () => {
    expect(parseSwarmQuestion('web is fine')).toMatch(/^not a swarm question: "web is fine" \(one of: service NAME has/);
    expect(parseSwarmQuestion('node worker1 is Sleeping')).toMatch(/^a node is one of Ready, Down, Active/);
    expect(parseSwarmQuestion('service web has 2 sleeping tasks')).toMatch(/^a task state is one of running, pending/);
    expect(parseSwarmQuestion('service web update is done')).toMatch(/^an update state is one of updating, paused, completed/);
  });

  it('fails with a reason before any docker command made a swarm, and does not make one', () => {
    const p = playground();
    const r = p.ask('service web has 3 running tasks');
    expect(r.pass).toBe(false);
    expect(r.probes[0].problem).toBe('there is no swarm yet: no docker command has run');
    expect(p.shell.swarm?.()).toBeUndefined();
  });

  it('counts the running tasks of a service as docker service ls counts replicas, and shows docker service ps', () => {
    const p = playground();
    p.run('docker service create --name web --replicas 3 nginx:1.27');
    expect(p.ask('service web has 3 running tasks').pass).toBe(true);
    expect(p.ask('service web has >= 4 running tasks').pass).toBe(false);
    expect(p.ask('service web has 1 running tasks on worker1', 'service web has 0 running tasks on worker9').pass).toBe(true);
    expect(p.ask('service web has 2 running tasks on worker1').probes[0].expectations[0].text).toBe('service web has 2 running tasks on worker1 (now: 1 running on worker1 (all running: on manager1, worker1, worker2))');
    const r = p.ask('service web has 4 running tasks');
    expect(r.probes[0].stdout).toContain('web.1');
    expect(formatCheckResult(r)).toContain('✗ service web has 4 running tasks (now: 3 running (on ');
    const twice = p.ask('service web has 3 running tasks', 'a task of web runs on manager1');
    expect([twice.probes[0].stdout === '', twice.probes[1].stdout]).toEqual([false, '']);
    expect(p.ask('service db has 1 running tasks').probes[0].expectations[0].text).toBe('service db has 1 running tasks (now: no service db)');
  });

  it('sees a stopped node go Down after the heartbeat timeout and its tasks started elsewhere', () => {
    const p = playground();
    p.run('docker service create --name web --replicas 3 nginx:1.27', 'kubeplay node stop worker1', 'sleep 5s');
    expect(p.ask('node worker1 is Ready', 'a task of web runs on worker1').pass).toBe(true);
    expect(p.ask('node worker1 is Down').pass).toBe(false);
    p.run('sleep 15s');
    expect(p.ask('node worker1 is Down', 'service web has 3 running tasks').pass).toBe(false);
    p.run('sleep 5s');
    const r = p.ask('node worker1 is Down', 'no task of web runs on worker1', 'service web has 3 running tasks', 'a task of web runs on a node other than worker1');
    expect(r.pass, formatCheckResult(r)).toBe(true);
  });

  it('knows roles, availability and manager status, and whether the swarm has a leader', () => {
    const p = playground();
    p.run('docker node ls');
    expect(p.ask('node manager1 is Leader', 'node manager1 is a manager', 'node worker1 is a worker', 'node worker1 is Active', 'the swarm has a leader').pass).toBe(true);
    p.run('docker node promote worker1 worker2', 'docker node update --availability drain worker2');
    expect(p.ask('node worker1 is Reachable', 'node worker2 is Drain').pass).toBe(true);
    p.run('kubeplay node stop worker1', 'kubeplay node stop worker2', 'sleep 20s');
    expect(p.ask('the swarm has no leader', 'node worker1 is Unreachable').pass).toBe(true);
    expect(p.ask('the swarm has a leader').pass).toBe(false);
  });

  it('follows a rolling update to completed, the image of every running task, a rollback, ports and stacks', () => {
    const p = playground();
    p.run('docker service create --name web --replicas 2 -p 8080:80 nginx:1.26');
    expect(p.ask('service web runs nginx:1.26', 'service web publishes port 8080').pass).toBe(true);
    expect(p.ask('service web update is completed').pass).toBe(false);
    p.run('docker service update --image nginx:1.27 web');
    expect(p.ask('service web update is completed', 'service web runs nginx:1.27').pass).toBe(true);
    p.run('docker service rollback web');
    expect(p.ask('service web update is rollback_completed', 'service web runs nginx:1.26').pass).toBe(true);
    p.run('docker service scale web=1', 'docker service create --name db --replicas 1 --publish mode=host,published=5432,target=5432 postgres:16');
    expect(p.ask('port 8080 on every node reaches web', 'port 8080 on worker2 reaches web').pass).toBe(true);
    const hostPort = p.ask('port 5432 on every node reaches db');
    expect(hostPort.pass).toBe(false);
    expect(hostPort.probes[0].expectations[0].text).toMatch(/^port 5432 on every node reaches db \(now: not reached through (\w+, \w+); tasks running on \w+\)$/);
    expect(p.ask('port 9090 on manager1 reaches web').probes[0].expectations[0].text).toBe('port 9090 on manager1 reaches web (now: web does not publish port 9090)');
    expect(p.ask('stack app has 1 services', 'service web does not exist').pass).toBe(false);
    expect(p.ask('service web exists', 'stack app has 0 services').pass).toBe(true);
  });

  it('a lesson writes a question as a "? " line of its check; an expectation under it is an error', () => {
    const lesson = (check: string[]) =>
      parseLesson(['---', 'id: demo', 'title: Demo', 'summary: S.', 'minutes: 1', '---', '## Scale {#scale}', '```check', ...check, '```', '```solution', 'docker service scale web=3', '```'].join('\n'), {
        file: 'lessons/01-demo/en.md',
        language: 'en',
      });
    const ok = lesson(['? service web has 3 running tasks', '$ docker service ls', '~ 3/3']);
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    expect(ok.lesson.steps[0].check?.probes.map((p) => [p.command, p.question?.text])).toEqual([
      ['docker service ps web', 'service web has 3 running tasks'],
      ['docker service ls', undefined],
    ]);
    const bad = lesson(['? service web has 3 running tasks', '= 3', '? web is up']);
    expect(bad.ok ? [] : bad.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      '10: "? service web has 3 running tasks" is a question to the swarm: it takes no expectation line (put "= 3" under a "$ command")',
      expect.stringMatching(/^11: not a swarm question: "web is up"/),
    ]);
  });
});
