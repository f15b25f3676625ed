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
