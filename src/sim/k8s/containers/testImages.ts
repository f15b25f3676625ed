import { bytesOf } from '../../../lib/quantity';
import type { ProcessExtras } from './processTypes';
import { IDLE, type Io, type Yield } from './sh/interpret';

/**
 * The programs of the test images the Kubernetes docs use (polinux/stress,
 * agnhost), run by a container's process: what they may touch of it.
 */
export interface TestImageHost {
  readonly extras: ProcessExtras;
  /** The process's clock (virtual ms). */
  clock(): number;
  /** Checks the memory limit after an allocation: whether the process was killed for it. */
  oomKilled(): boolean;
  listen(port: number): void;
  /** Writes a line to the container's log. */
  log(text: string): void;
}

const MiB = 1024 * 1024;

/** polinux/stress: `--vm N --vm-bytes SIZE [--vm-hang S] [--timeout S]` allocates N × SIZE. */
export function* stress(args: string[], io: Io, host: TestImageHost): Generator<Yield, number> {
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const vm = Number(opt('--vm') ?? opt('-m') ?? 0);
  const bytes = parseSize(opt('--vm-bytes') ?? '256M');
  const cpu = Number(opt('--cpu') ?? opt('-c') ?? 0);
  host.extras.cpuHogs += cpu;
  io.out(`stress: info: [1] dispatching hogs: ${cpu} cpu, 0 io, ${vm} vm, 0 hdd\n`);
  yield { sleep: 100 };
  host.extras.allocated += vm * bytes;
  if (host.oomKilled()) return 137;
  const timeout = opt('--timeout') ?? opt('-t');
  if (timeout) {
    yield { sleep: Number.parseInt(timeout, 10) * 1000 };
    host.extras.allocated -= vm * bytes;
    io.out(`stress: info: [1] successful run completed in ${Number.parseInt(timeout, 10)}s\n`);
    return 0;
  }
  for (;;) yield IDLE;
}

/** agnhost (Kubernetes e2e image) subcommands used in the docs. */
export function* agnhost(args: string[], host: TestImageHost): Generator<Yield, number> {
  const sub = args[0] ?? '';
  const flag = (name: string, dflt: number) => {
    const a = args.find((x) => x.startsWith(`--${name}=`));
    return a ? Number(a.slice(name.length + 3)) : dflt;
  };
  yield { sleep: 50 };
  if (sub === 'netexec') {
    host.listen(flag('http-port', 8080));
    host.log(`I${''} Started HTTP server on port ${flag('http-port', 8080)}`);
  } else if (sub === 'serve-hostname') host.listen(flag('port', 9376));
  else if (sub === 'liveness') {
    host.listen(8080);
    host.extras.agnhostLivenessSince = host.clock();
  } else if (sub === 'test-webserver') host.listen(flag('port', 80));
  else if (sub === 'grpc-health-checking') host.listen(flag('port', 5000));
  for (;;) yield IDLE;
}

/** `150M`, `1G`, `512k`, `100Mi` → bytes. */
function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmMgG]?)(i?)[bB]?$/.exec(s);
  if (!m) return s ? bytesOf(s) : 0;
  const unit = { '': 1, k: 1024, m: MiB, g: 1024 * MiB }[m[2].toLowerCase()]!;
  return Math.round(Number(m[1]) * unit);
}
