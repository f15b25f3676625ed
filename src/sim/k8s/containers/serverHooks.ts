import type { ImageProfile } from '../images/catalog';
import type { ContainerProcess } from './process';
import { redisLoadLines, redisShutdown } from './redis';

/**
 * What an image's server does beyond its catalog profile when it starts
 * and when it is stopped as it expects to be (SIGTERM, its own stop
 * command): redis loads the data it saved, and saves it again.
 */
export interface ServerHooks {
  /** Lines it logs, at `now`, before the last of its start-up lines. */
  startLines(proc: ContainerProcess, now: number): readonly string[];
  /** Its shutdown at `at`: what it does to its files, and the lines it logs. */
  stopped(proc: ContainerProcess, at: number): readonly string[];
}

const HOOKS: Readonly<Record<string, ServerHooks>> = {
  'redis-server': {
    startLines: (proc, now) => redisLoadLines(proc.redis, now),
    stopped: (proc, at) => redisShutdown(proc.files, proc.redis, at),
  },
};

/** The hooks of the server an image runs (by its first program), if it has any. */
export function serverHooks(profile: ImageProfile): ServerHooks | undefined {
  const server = profile.binaries?.[0];
  return server !== undefined && Object.hasOwn(HOOKS, server) ? HOOKS[server] : undefined;
}
