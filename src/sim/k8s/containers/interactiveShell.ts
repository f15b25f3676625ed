import { imageProfile } from '../images/catalog';
import { redisCliArgs } from './redis';

const SHELLS = new Set(['sh', 'bash', 'ash']);

/** Whether a command line is an interactive shell, a shell given no script: `sh`, `/bin/bash`, `sh -i`, `bash -il`. */
export function isInteractiveShell(argv: readonly string[]): boolean {
  const first = argv[0] ?? '';
  return SHELLS.has(first.slice(first.lastIndexOf('/') + 1)) && argv.slice(1).every((a) => /^-[il]+$/.test(a));
}

/**
 * The port of the redis server an interactive `redis-cli` talks to — one
 * given no command, only `-h`, `-p`, `--raw` or `--no-raw` — else undefined.
 */
export function interactiveRedisCli(argv: readonly string[]): { host: string; port: number } | undefined {
  if ((argv[0] ?? '').replace(/^.*\//, '') !== 'redis-cli') return undefined;
  const cli = redisCliArgs(argv.slice(1));
  return cli !== 'version' && cli.command.length === 0 ? { host: cli.host, port: cli.port } : undefined;
}

/** Whether `kubectl exec -it` with `argv` opens a session the terminal's next lines go to: a shell, or redis-cli's prompt. */
export function isInteractiveSession(argv: readonly string[]): boolean {
  return isInteractiveShell(argv) || interactiveRedisCli(argv) !== undefined;
}

/**
 * The interactive shell a container of `image` runs with `argv` (its
 * command and args; none: the image's own, `sh` for busybox-like images),
 * or undefined when it runs something else.
 */
export function containerShell(image: string, argv: readonly string[]): string[] | undefined {
  if (argv.length === 0) return imageProfile(image)?.kind === 'shell' ? ['sh'] : undefined;
  return isInteractiveShell(argv) ? [...argv] : undefined;
}
