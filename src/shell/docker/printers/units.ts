/**
 * go-units, as vendored in docker/cli: `HumanDuration` (relative times in
 * `service ps`) and `BytesSize` (memory in `inspect --pretty`).
 */

/** `units.HumanDuration`: seconds and minutes truncate, hours and above round. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  const hoursExact = ms / 3_600_000;
  if (hoursExact < 24 * 7 * 2) return `${Math.round(hoursExact / 24)} days`;
  if (hoursExact < 24 * 30 * 2) return `${Math.round(hoursExact / 24 / 7)} weeks`;
  if (hoursExact < 24 * 365 * 2) return `${Math.round(hoursExact / 24 / 30)} months`;
  return `${Math.round(hoursExact / 24 / 365)} years`;
}

/** `HumanDuration` lowercased with ` ago`, as task states print it: `8 seconds ago`. */
export function ago(ms: number): string {
  return `${humanDuration(ms).toLowerCase()} ago`;
}

const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/** Go's `%.4g`. */
function g4(x: number): string {
  const s = x.toPrecision(4);
  return s.includes('e') ? s : s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** `units.BytesSize`: `8GiB`, `512MiB`, `1.5GiB`. */
export function bytesSize(bytes: number): string {
  let size = bytes;
  let i = 0;
  while (size >= 1024 && i < BINARY.length - 1) {
    size /= 1024;
    i++;
  }
  return `${g4(size)}${BINARY[i]}`;
}

/** Go's `time.Duration.String()`: `5s`, `1m30s`, `300ms`, `0s`. */
export function goDurationString(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const sec = `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`;
  if (h > 0) return `${h}h${m}m${sec}`;
  if (m > 0) return `${m}m${sec}`;
  return sec;
}
