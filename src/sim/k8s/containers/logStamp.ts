/**
 * A start-up log line of a catalog image with its placeholders filled in
 * the way each server prints time (`{nginxtime}` `2025/03/01 09:00:03`,
 * `{redistime}`, `{pgtime}`, `{mysqltime}`, `{apachetime}`, `{gotime}`,
 * `{gunicorntime}` `2025-03-01 09:00:03 +0000`, `{isotime}` as JavaScript's
 * Date prints, `2025-03-01T09:00:03.000Z`), `{podIP}` and `{hostname}`.
 */
export function stampLogLine(line: string, at: number, podIP: string, hostname = ''): string {
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
    .replace('{gunicorntime}', `${iso.slice(0, 10)} ${hms} +0000`)
    .replace('{isotime}', iso)
    .replace('{podIP}', podIP)
    .replace('{hostname}', hostname);
}

/**
 * One served request as the server logs it: the combined log format of
 * nginx (with its trailing `"$http_x_forwarded_for"`) or of Apache httpd
 * (also gunicorn's default access log format).
 * @example accessLogLine('apache', '10.0.0.5', '/', 200, 612, 'curl/8.5.0', at) // '10.0.0.5 - - [01/Mar/2025:09:00:03 +0000] "GET / HTTP/1.1" 200 612 "-" "curl/8.5.0"'
 */
export function accessLogLine(format: 'nginx' | 'apache', clientIP: string, path: string, status: number, bytes: number, userAgent: string, at: number): string {
  const d = new Date(at);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p2 = (n: number) => String(n).padStart(2, '0');
  const stamp = `${p2(d.getUTCDate())}/${mon}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
  return `${clientIP} - - [${stamp}] "GET ${path} HTTP/1.1" ${status} ${bytes} "-" "${userAgent}"${format === 'nginx' ? ' "-"' : ''}`;
}
