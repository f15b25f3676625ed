/**
 * A start-up log line of a catalog image with its placeholders filled in
 * the way each server prints time (`{nginxtime}` `2025/03/01 09:00:03`,
 * `{redistime}`, `{pgtime}`, `{mysqltime}`, `{apachetime}`, `{gotime}`) and
 * `{podIP}`.
 */
export function stampLogLine(line: string, at: number, podIP: string): string {
  const d = new Date(at);
  const iso = d.toISOString();
  const p2 = (n: number) => String(n).padStart(2, '0');
  const ymd = `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}`;
  const hms = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return line
    .replace('{nginxtime}', `${ymd} ${hms}`)
    .replace('{redistime}', `${p2(d.getUTCDate())} ${mon} ${d.getUTCFullYear()} ${hms}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`)
    .replace('{pgtime}', `${iso.slice(0, 10)} ${iso.slice(11, 23)}`)
    .replace('{mysqltime}', `${iso.slice(0, 19)}+00:00`)
    .replace('{apachetime}', `${d.toUTCString().slice(0, 3)} ${mon} ${p2(d.getUTCDate())} ${hms}.${String(d.getUTCMilliseconds()).padStart(3, '0')}000 ${d.getUTCFullYear()}`)
    .replace('{gotime}', `${ymd} ${hms}`)
    .replace('{podIP}', podIP);
}
