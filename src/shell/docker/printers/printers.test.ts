import { describe, expect, it } from 'vitest';
import { dockerTable } from './table';
import { bytesSize, goDurationString, humanDuration } from './units';

describe('docker printers', () => {
  it('pads columns to the widest cell + 3 with a minimum of 10, as docker/cli tabwriter (10, 1, 3)', () => {
    const out = dockerTable(['ID', 'NAME', 'MODE', 'REPLICAS', 'IMAGE', 'PORTS'], [['yko3hkczhcsn', 'wildfly_wildfly', 'replicated', '1/1', 'wild:latest', '*:8080->8080/tcp, *:9990->9990/tcp']]);
    expect(out).toBe(
      'ID             NAME              MODE         REPLICAS   IMAGE         PORTS\n' +
        'yko3hkczhcsn   wildfly_wildfly   replicated   1/1        wild:latest   *:8080->8080/tcp, *:9990->9990/tcp\n',
    );
  });

  it('keeps padding on empty cells before the last column (rows end in spaces)', () => {
    const out = dockerTable(['A', 'ERROR', 'PORTS'], [['x', '', '']]);
    expect(out.split('\n')[1]).toBe(`${'x'.padEnd(10)}${''.padEnd(10)}`);
  });

  it.each([
    [500, 'Less than a second'],
    [1_000, '1 second'],
    [8_000, '8 seconds'],
    [59_999, '59 seconds'],
    [60_000, 'About a minute'],
    [119_000, 'About a minute'],
    [300_000, '5 minutes'],
    [3_600_000, 'About an hour'],
    [5_400_000, '2 hours'],
    [3 * 3_600_000, '3 hours'],
    [5 * 86_400_000, '5 days'],
    [21 * 86_400_000, '3 weeks'],
    [120 * 86_400_000, '4 months'],
    [800 * 86_400_000, '2 years'],
  ])('HumanDuration(%i ms) is "%s" (seconds and minutes truncate, hours and above round)', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('prints sizes as go-units BytesSize and durations as Go', () => {
    expect(bytesSize(8 * 1024 ** 3)).toBe('8GiB');
    expect(bytesSize(512 * 1024 ** 2)).toBe('512MiB');
    expect(bytesSize(1.5 * 1024 ** 3)).toBe('1.5GiB');
    expect(goDurationString(5_000)).toBe('5s');
    expect(goDurationString(90_000)).toBe('1m30s');
    expect(goDurationString(0)).toBe('0s');
  });
});
