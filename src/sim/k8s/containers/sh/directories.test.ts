import { describe, expect, it } from 'vitest';
import { runScriptIn as run } from './shell.testkit';

describe('directories in a container: cd and mkdir', () => {
  it('cd goes only where a directory is, with busybox sh\'s and bash\'s errors', () => {
    expect(run('docker.io/library/busybox', 'sh', 'cd /tmp && pwd; cd /nope; echo "status $?"; echo x > f; cd f; pwd')).toEqual({
      out: ['/tmp', "sh: cd: can't cd to /nope: No such file or directory", 'status 2', "sh: cd: can't cd to f: Not a directory", '/tmp'],
      code: 0,
    });
    expect(run('docker.io/library/bash', 'bash', 'cd /nope; echo "status $?"; cd; pwd')).toEqual({ out: ['bash: cd: /nope: No such file or directory', 'status 1', '/root'], code: 0 });
  });

  it('mkdir makes a directory cd and ls then find; -p makes the parents; an existing one is an error without -p', () => {
    expect(run('docker.io/library/busybox', 'sh', 'mkdir /data && cd /data && pwd && ls /; mkdir /data; mkdir /a/b; mkdir -p /a/b/c && ls /a/b')).toEqual({
      out: ['/data', 'bin', 'data', 'dev', 'etc', 'home', 'proc', 'root', 'sys', 'tmp', 'usr', 'var', "mkdir: can't create directory '/data': File exists", "mkdir: can't create directory '/a/b': No such file or directory", 'c'],
      code: 0,
    });
    expect(run('docker.io/library/bash', 'bash', 'mkdir /tmp; echo $?')).toEqual({ out: ["mkdir: cannot create directory '/tmp': File exists", '1'], code: 0 });
  });
});
