import { describe, expect, it } from 'vitest';
import { IMAGE_CATALOG } from '../../images/catalog';
import { ContainerProcess } from '../process';

const T0 = Date.parse('2026-01-01T00:00:00Z');

/** Runs `command` in `image` to its end; its log lines and exit code. */
function run(image: string, command: string[], env: Record<string, string> = {}): { out: string[]; code: number | undefined; files: Map<string, string> } {
  const files = new Map<string, string>();
  const p = new ContainerProcess({
    profile: IMAGE_CATALOG[image],
    image,
    command,
    context: { env: () => new Map(Object.entries(env)), files: () => files },
    hostname: 'pod-0',
    podIP: '10.244.1.5',
    initContainer: false,
    startedAt: T0,
  });
  p.advance(T0 + 60_000);
  return { out: p.logs.map((l) => l.text), code: p.exit?.code, files };
}

const BASH = 'docker.io/library/bash';
const BUSYBOX = 'docker.io/library/busybox';

describe('bash indexed arrays (the bash image) and their absence in sh', () => {
  it('a=(…), ${a[i]}, ${a[-1]}, ${#a[@]}, ${a[*]} and "${a[@]}" one field per element', () => {
    const r = run(BASH, ['bash', '-c', 'items=(foo bar "baz qux" xyz)\necho ${items[1]} ${items[-1]} ${#items[@]}\necho ${items[*]}\nfor i in "${items[@]}"; do echo "<$i>"; done']);
    expect(r.out).toEqual(['bar xyz 4', 'foo bar baz qux xyz', '<foo>', '<bar>', '<baz qux>', '<xyz>']);
    expect(r.code).toBe(0);
  });

  it('the subscript is an arithmetic expression over variables (the Indexed Job example)', () => {
    const script = '\n               items=(foo bar baz qux xyz)\n               echo ${items[$JOB_COMPLETION_INDEX]} > /input/data.txt\n              ';
    const r = run(BASH, ['bash', '-c', script], { JOB_COMPLETION_INDEX: '3' });
    expect(r.code).toBe(0);
    expect(r.files.get('/input/data.txt')).toBe('qux\n');
    expect(run(BASH, ['bash', '-c', 'a=(x y z); i=1; echo ${a[i+1]} ${a[$i]}']).out).toEqual(['z y']);
  });

  it('a[i]=v sets one element (leaving holes), $a is element 0, ${#a} its length, an unset element is empty', () => {
    const r = run(BASH, ['bash', '-c', 'a=(one two); a[4]=five; echo ${#a[@]} ${a[@]}; echo $a ${#a}; echo "[${a[3]}]"']);
    expect(r.out).toEqual(['3 one two five', 'one 3', '[]']);
  });

  it('busybox sh has no arrays: a=(…) is a syntax error (exit 2), ${a[0]} a bad substitution', () => {
    expect(run(BUSYBOX, ['sh', '-c', 'items=(foo bar)\necho ${items[0]}'])).toMatchObject({ out: ['sh: syntax error: unexpected "("'], code: 2 });
    expect(run(BUSYBOX, ['sh', '-c', 'echo ${items[0]}'])).toMatchObject({ out: ['sh: syntax error: bad substitution'], code: 2 });
    // The bash image's sh is busybox ash too.
    expect(run(BASH, ['sh', '-c', 'a=(x)'])).toMatchObject({ out: ['sh: syntax error: unexpected "("'], code: 2 });
  });

  it('${#VAR} is the length of a variable in sh as well', () => {
    expect(run(BUSYBOX, ['sh', '-c', 'v=hello; echo ${#v}']).out).toEqual(['5']);
  });

  it('busybox rev reverses each line of a file or of its input', () => {
    expect(run(BUSYBOX, ['sh', '-c', 'printf "qux\\nab\\n" > /d; rev /d; echo xyz | rev']).out).toEqual(['xuq', 'ba', 'zyx']);
    expect(run(BUSYBOX, ['rev', '/nope'])).toMatchObject({ out: ['rev: /nope: No such file or directory'], code: 1 });
  });

  it('busybox and alpine have no bash: a bash command fails to start, and sh says not found', () => {
    expect(run(BUSYBOX, ['bash', '-c', 'echo hi'])).toMatchObject({ out: [], code: 128 });
    expect(run('docker.io/library/alpine', ['sh', '-c', 'bash -c "echo hi"'])).toMatchObject({ out: ['sh: bash: not found'], code: 127 });
    expect(run('docker.io/library/ubuntu', ['bash', '-c', 'a=(x y); echo ${a[1]}']).out).toEqual(['y']);
  });
});
