import { imageProfile } from '../images/catalog';

const SHELLS = new Set(['sh', 'bash', 'ash']);

/** Whether a command line is an interactive shell, a shell given no script: `sh`, `/bin/bash`, `sh -i`, `bash -il`. */
export function isInteractiveShell(argv: readonly string[]): boolean {
  const first = argv[0] ?? '';
  return SHELLS.has(first.slice(first.lastIndexOf('/') + 1)) && argv.slice(1).every((a) => /^-[il]+$/.test(a));
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
