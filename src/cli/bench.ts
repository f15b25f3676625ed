/**
 * `npm run bench` — engine throughput: for each cluster size, the wall time
 * from applying one Deployment until every pod is Running, the CPU time of
 * the same stretch (user + system, garbage-collector threads included: on a
 * shared machine it moves less than wall time), and peak memory. Each run
 * happens in its own Node process (clean heap); medians are reported.
 * The runs execute the engine bundled into one file, as the browser runs it
 * (`--no-bundle` runs them through the TypeScript loader instead).
 * Usage: npm run bench -- [--runs N] [--sizes 3x30,100x3000,…] [--no-bundle]
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchRow, runToRunning, tablePrinter } from './benchRun';

interface RunResult {
  nodes: number;
  pods: number;
  bootMs: number;
  wallMs: number;
  cpuMs: number;
  virtualS: number;
  peakHeapMB: number;
  peakRssMB: number;
  reconciles?: number;
}

const DEFAULT_SIZES: [number, number][] = [
  [3, 30],
  [100, 3_000],
  [1_000, 30_000],
  [5_000, 150_000],
];

/** One measured run in this process. */
function runOnce(nodes: number, pods: number): RunResult {
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  let c1 = process.cpuUsage();
  const run = runToRunning(nodes, pods, sample, () => (c1 = process.cpuUsage()));
  const cpu = process.cpuUsage(c1);
  sample();
  return { ...run, cpuMs: (cpu.user + cpu.system) / 1000, peakHeapMB: peakHeap / 2 ** 20, peakRssMB: peakRss / 2 ** 20 };
}

/**
 * This file and the engine bundled into one ES module (esbuild, which the
 * TypeScript loader brings): the command that runs it, and a clean-up.
 */
async function bundledSelf(self: string): Promise<{ argv: string[]; dispose: () => void }> {
  const esbuild = await import('esbuild');
  const outfile = join(tmpdir(), `kubeplay-bench-${process.pid}.mjs`);
  await esbuild.build({
    entryPoints: [self],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    // CommonJS dependencies inside an ES module bundle need a require.
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
  });
  return { argv: [outfile], dispose: () => rmSync(outfile, { force: true }) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const one = args.indexOf('--one');
  if (one >= 0) {
    const r = runOnce(Number(args[one + 1]), Number(args[one + 2]));
    process.stdout.write(`${JSON.stringify(r)}\n`);
    return;
  }
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 3;
  const sizesArg = args.indexOf('--sizes');
  const sizes = sizesArg >= 0 ? args[sizesArg + 1].split(',').map((s) => s.split('x').map(Number) as [number, number]) : DEFAULT_SIZES;
  const self = fileURLToPath(import.meta.url);
  const bundled = args.includes('--no-bundle') ? undefined : await bundledSelf(self);
  const child = bundled ? bundled.argv : [...process.execArgv, self];
  try {
    run(child, runs, sizes, bundled ? 'bundled engine' : 'TypeScript loader');
  } finally {
    bundled?.dispose();
  }
}

function run(child: string[], runs: number, sizes: [number, number][], how: string): void {
  console.log(`Kubeplay engine bench: one Deployment applied, wall time until every pod is Running (median of ${runs} runs, each in a fresh process; ${how})`);
  console.log('');
  const header = ['nodes', 'pods', 'boot (s)', 'apply→Running (s)', 'µs/pod', 'CPU (s)', 'virtual time', 'peak heap (MB)', 'peak RSS (MB)'];
  const rows: string[][] = [];
  const printTable = tablePrinter(header, sizes);
  for (const [nodes, pods] of sizes) {
    const results: RunResult[] = [];
    for (let i = 0; i < runs; i++) {
      const out = spawnSync(process.execPath, [...child, '--one', String(nodes), String(pods)], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (out.status !== 0) {
        console.error(out.stderr);
        process.exit(1);
      }
      results.push(JSON.parse(out.stdout.trim().split('\n').pop()!));
    }
    rows.push(benchRow(results, (pick) => [(pick((r) => r.cpuMs) / 1000).toFixed(2)], (pick) => [pick((r) => r.peakHeapMB).toFixed(0), pick((r) => r.peakRssMB).toFixed(0)]));
    printTable(rows);
  }
}

void main();
