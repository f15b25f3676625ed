/**
 * What a task's container does once started, from its image and command —
 * the few behaviours the lessons need: servers run until stopped, a shell
 * image with no command exits at once (no TTY: `sh` reads EOF), `sleep N`
 * exits after N seconds, `false`/`exit N` fail.
 */
export type ProcessPlan = { type: 'serve' } | { type: 'exit'; afterMs: number; code: number };

const SHELL_IMAGES = new Set(['alpine', 'busybox', 'ubuntu', 'debian', 'centos', 'fedora', 'bash']);

/** `nginx:1.25` → `nginx`; `docker.io/library/redis@sha256:…` → `redis`. */
export function imageBaseName(image: string): string {
  const noDigest = image.split('@')[0];
  const last = noDigest.split('/').pop() ?? noDigest;
  return last.split(':')[0];
}

function commandPlan(argv: string[]): ProcessPlan {
  const [cmd, ...rest] = argv;
  if (cmd === 'sh' || cmd === 'bash' || cmd === '/bin/sh') {
    const c = rest.indexOf('-c');
    if (c >= 0 && rest[c + 1] !== undefined) return commandPlan(rest[c + 1].split(/\s+/).filter(Boolean));
    return { type: 'exit', afterMs: 100, code: 0 };
  }
  if (cmd === 'true') return { type: 'exit', afterMs: 100, code: 0 };
  if (cmd === 'false') return { type: 'exit', afterMs: 100, code: 1 };
  if (cmd === 'exit') return { type: 'exit', afterMs: 100, code: Number(rest[0] ?? 0) || 0 };
  if (cmd === 'sleep') {
    if (rest[0] === 'infinity') return { type: 'serve' };
    const n = Number(rest[0]);
    if (Number.isFinite(n) && n >= 0) return { type: 'exit', afterMs: Math.round(n * 1000), code: 0 };
    return { type: 'exit', afterMs: 100, code: 1 };
  }
  return { type: 'serve' };
}

/** The container's life for `image` run with `args` (empty: the image's default command). */
export function processPlan(image: string, args: readonly string[]): ProcessPlan {
  const base = imageBaseName(image);
  if (base === 'hello-world') return { type: 'exit', afterMs: 100, code: 0 };
  if (args.length > 0) return commandPlan([...args]);
  if (SHELL_IMAGES.has(base)) return { type: 'exit', afterMs: 100, code: 0 };
  return { type: 'serve' };
}

/** Docker's HEALTHCHECK defaults: interval 30 s, timeout 30 s, start period 0, retries 3. */
export const HEALTH_DEFAULTS = { interval: 30_000, timeout: 30_000, startPeriod: 0, retries: 3 } as const;

/**
 * When a container with a HEALTHCHECK becomes healthy or unhealthy, from its
 * start: probes run every interval; the first passing probe makes it
 * healthy; `retries` consecutive failures outside the start period make it
 * unhealthy. A check passes unless its command exits non-zero
 * (`exit 1`, `false`).
 */
export function healthPlan(hc: { test: string[]; interval: number; startPeriod: number; retries: number }): { healthy: boolean; afterMs: number } {
  const interval = hc.interval || HEALTH_DEFAULTS.interval;
  const retries = hc.retries || HEALTH_DEFAULTS.retries;
  const argv = hc.test[0] === 'CMD-SHELL' ? (hc.test[1] ?? '').split(/\s+/).filter(Boolean) : hc.test.slice(1);
  const plan = commandPlan(argv.length ? argv : ['true']);
  const passes = plan.type === 'serve' || plan.code === 0;
  if (passes) return { healthy: true, afterMs: interval };
  const firstCounted = Math.floor(hc.startPeriod / interval) + 1;
  return { healthy: false, afterMs: (firstCounted + retries - 1) * interval };
}
