import { shellSession } from '../containerExec';
import { IMAGE_CATALOG } from '../../images/catalog';
import type { ContainerShell } from '../process';
import { ContainerProcess } from '../process';

/** When the test containers start: 2026-01-01T00:00:00Z. */
export const T0 = 1_767_225_600_000;

/** A container of `image` started at T0 on `files`, running `command` (the image's own without one). */
function containerOf(image: string, files: Record<string, string>, command?: string[]): ContainerProcess {
  const fs = new Map(Object.entries(files));
  return new ContainerProcess({
    profile: IMAGE_CATALOG[image],
    image,
    command,
    context: { env: () => new Map(), files: () => fs },
    hostname: 'pod-0',
    podIP: '10.244.1.5',
    initContainer: false,
    startedAt: T0,
  });
}

/** Runs `script` with `shell -c` in `image` (with `files`) to its end: its log lines and exit code. */
export function runScriptIn(image: string, shell: string, script: string, files: Record<string, string> = {}): { out: string[]; code: number | undefined } {
  const p = containerOf(image, files, [shell, '-c', script]);
  p.advance(T0 + 60_000);
  return { out: p.logs.map((l) => l.text), code: p.exit?.code };
}

/** An interactive shell (`kubectl exec -it … -- sh`) in a running container of `image` with `files`. */
export function shellIn(image: string, bash: boolean, files: Record<string, string> = {}): ContainerShell {
  const p = containerOf(image, files);
  p.advance(T0 + 5_000);
  return shellSession(p, bash);
}
