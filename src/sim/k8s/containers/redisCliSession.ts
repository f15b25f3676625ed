import { ExecRun } from './execRun';
import { finished } from './imageCommands';
import type { ContainerProcess } from './process';
import type { ContainerShell } from './processTypes';
import { redisSend, splitRedisLine, ttyReply, type RedisTarget } from './redis';

/** The commands redis-cli completes at its prompt (those the simulated server answers). */
const COMMANDS = ['APPEND', 'CONFIG', 'DBSIZE', 'DECR', 'DEL', 'ECHO', 'EXISTS', 'FLUSHALL', 'FLUSHDB', 'GET', 'INCR', 'KEYS', 'PING', 'SET', 'TYPE'];

/**
 * `kubectl exec -it POD -- redis-cli [-h HOST]`: redis-cli's prompt (`127.0.0.1:6379> `)
 * in the container, each typed line one command to the server it connected to, the
 * reply printed as on a terminal. `exit` or `quit` ends it; so does the
 * server going away (the container's process stopped or restarted).
 */
export function redisCliSession(process: ContainerProcess, target: RedisTarget, port: number, local = true): ContainerShell {
  let exited: number | undefined;
  return {
    process,
    cwd: '/data',
    get exited() {
      return exited;
    },
    run: (line, now) =>
      new ExecRun((_clock, write) => {
        const words = splitRedisLine(line);
        if (words === undefined) write('Invalid argument(s)');
        else if (words.length > 0) {
          const cmd = words[0].toLowerCase();
          if (cmd === 'exit' || cmd === 'quit') exited = 0;
          else if (local && !process.listens(port)) write(`Could not connect to Redis at 127.0.0.1:${port}: Connection refused`);
          else write(ttyReply(redisSend(words, target)).replace(/\n$/, ''));
        }
        return finished(0);
      }, now),
    // Tab completes the command name (the first word).
    complete: (line, cursor) => {
      const typed = line.slice(0, cursor).trimStart();
      if (/\s/.test(typed)) return [];
      return COMMANDS.filter((c) => c.startsWith(typed.toUpperCase()));
    },
  };
}
