/**
 * `npm run bench:browser`: the engine bench of `npm run bench`, run where the
 * page runs the engine — in headless Chromium. The same code
 * (`src/cli/benchRun.ts`), bundled for the browser, runs in a blank page:
 * one Deployment applied, the wall time until every pod is Running, peak JS
 * heap (`performance.memory`, precise). Each run gets a fresh browser (a
 * clean heap); medians are reported. Chromium's V8 compresses pointers
 * (Node's build does not), so the engine's heap is about a third smaller
 * there and it runs faster; DESIGN.md's budget is stated for Node, which
 * `npm run bench` measures.
 * Usage: npm run bench:browser -- [--runs N] [--sizes 3x30,100x3000,…]
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { benchRow, tablePrinter } from '../src/cli/benchRun';
import { CHROMIUM_ARGS, findChromium } from './browserPath';

interface BrowserRun {
  nodes: number;
  pods: number;
  bootMs: number;
  wallMs: number;
  virtualS: number;
  peakHeapMB: number;
}

const DEFAULT_SIZES: [number, number][] = [
  [3, 30],
  [100, 3_000],
  [1_000, 30_000],
  [5_000, 150_000],
];

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(flag('--runs') ?? 3);
const sizes = flag('--sizes')?.split(',').map((s) => s.split('x').map(Number) as [number, number]) ?? DEFAULT_SIZES;

/** The run and its memory sampling, bundled into one script for the page (it sets `kubeplayBench`). */
async function pageScript(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `
        import { runToRunning } from './src/cli/benchRun';
        globalThis.kubeplayBench = (nodes, pods) => {
          let peak = 0;
          const sample = () => { peak = Math.max(peak, performance.memory ? performance.memory.usedJSHeapSize : 0); };
          const run = runToRunning(nodes, pods, sample);
          sample();
          return { ...run, peakHeapMB: peak / 2 ** 20 };
        };`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  return out.outputFiles[0].text;
}

async function main(): Promise<void> {
  const found = findChromium();
  const script = await pageScript();
  const launch = () => chromium.launch({ executablePath: found?.path, args: [...(found ? CHROMIUM_ARGS : []), '--enable-precise-memory-info'] });
  const probe = await launch();
  const version = probe.version();
  await probe.close();
  console.log(`Kubeplay engine bench in headless Chromium ${version}: one Deployment applied, wall time until every pod is Running (median of ${runs} runs, each in a fresh browser)`);
  console.log('');
  const header = ['nodes', 'pods', 'boot (s)', 'apply→Running (s)', 'µs/pod', 'virtual time', 'peak heap (MB)'];
  const rows: string[][] = [];
  const printTable = tablePrinter(header, sizes);
  for (const [nodes, pods] of sizes) {
    const results: BrowserRun[] = [];
    for (let i = 0; i < runs; i++) {
      const browser = await launch();
      try {
        const page = await browser.newPage();
        await page.setContent('<!doctype html><title>Kubeplay engine bench</title>');
        await page.addScriptTag({ content: script });
        results.push(await page.evaluate(([n, p]) => (globalThis as unknown as { kubeplayBench: (n: number, p: number) => BrowserRun }).kubeplayBench(n, p), [nodes, pods] as const));
      } finally {
        await browser.close();
      }
    }
    rows.push(benchRow(results, () => [], (pick) => [pick((r) => r.peakHeapMB).toFixed(0)]));
    printTable(rows);
  }
}

void main();
