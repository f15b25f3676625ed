/**
 * The head of a klog line kubectl writes at virtual time `at`: severity
 * (`E`rror, `W`arning, `I`nfo), month and day, time to the microsecond and
 * the process id (`E1124 00:12:34.000000    4021`).
 */
export function klogHead(severity: 'E' | 'W' | 'I', at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${severity}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}    4021`;
}
