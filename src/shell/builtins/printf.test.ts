import { describe, expect, it } from 'vitest';
import { shellHarness } from '../testing/shellHarness';

describe('printf', () => {
  const out = (line: string) => {
    const t = shellHarness().run(line);
    return t.stderr === '' ? t.stdout : [t.stdout, t.stderr, t.exitCode];
  };

  it('formats as bash does: widths, flags, precision, bases, floats', () => {
    expect(out(`printf '%-10s|%5d|%05.1f|%x|%X|%o|%#x\\n' name 42 3.14159 255 255 8 255`)).toBe('name      |   42|003.1|ff|FF|10|0xff\n');
    expect(out(`printf '%e %g %g %g %G\\n' 12345.678 0.0001 100000 1234567 1e-10`)).toBe('1.234568e+04 0.0001 100000 1.23457e+06 1E-10\n');
    expect(out(`printf '%+d|% d|%u|%.3d|%*d|%-*d|\\n' 5 5 -1 7 4 42 4 42`)).toBe('+5| 5|18446744073709551615|007|  42|42  |\n');
    expect(out(`printf '%5.2s|%c|%%|%s\\n' abc hello`)).toBe('   ab|h|%|\n');
    expect(out(`printf '%d %d %d\\n' 0x1f 017 "'A"`)).toBe('31 15 65\n');
  });

  it('uses the format again while arguments remain, and fills missing ones with empty or zero', () => {
    expect(out(`printf '%s=%s\\n' a 1 b`)).toBe('a=1\nb=\n');
    expect(out(`printf '%s\\n'`)).toBe('\n');
    expect(out(`printf 'plain\\n' extra`)).toBe('plain\n');
  });

  it('expands escapes in the format, and in %b arguments (where \\c ends the output)', () => {
    expect(out(`printf 'a\\tb\\x41\\101\\\\\\n'`)).toBe('a\tbAA\\\n');
    expect(out(`printf '%b|%s\\n' 'x\\ty' 'x\\ty'`)).toBe('x\ty|x\\ty\n');
    expect(out(`printf '%b' 'one\\ctwo'; printf 'z\\n'`)).toBe('onez\n');
    expect(out(`printf '%q\\n' "it's a test"`)).toBe("it\\'s\\ a\\ test\n");
  });

  it("says bash's errors: a bad number (printed as 0, status 1), a bad conversion, no format", () => {
    expect(out(`printf '%d\\n' abc`)).toEqual(['0\n', 'printf: abc: invalid number\n', 1]);
    expect(out(`printf '%z\\n'`)).toEqual(['', "printf: `z': invalid format character\n", 1]);
    expect(out('printf')).toEqual(['', 'printf: usage: printf [-v var] format [arguments]\n', 2]);
  });
});
