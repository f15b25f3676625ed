/**
 * `npm run bench:ui:cpu`: main-thread CPU per frame of the 100-pod rolling
 * update (bench:ui's first scenario), with frames driven by hand, for
 * comparing builds on a busy machine where frame intervals mean nothing.
 * requestAnimationFrame and performance.now are replaced in the page before it
 * loads; each step runs one frame's callbacks at a fake time 16.7 ms after the
 * last, lets the tasks they posted run, then waits for the browser to draw, and
 * reads Chromium's ThreadTime (CPU time of the page's main thread) around it.
 * Every build sees the same frames and the same virtual steps (at 2×), and CPU
 * time depends far less on the machine's load than wall time. Performance.now
 * stands still within a step, so the engine always catches up within it: the
 * figure is all the work of a frame, wherever the page schedules it.
 * Serves an existing build: --dist DIR (default dist/; `npx vite build --minify
 * false --outDir DIR` keeps function names for --profile), --port N,
 * --frames N (default 520: the rollout completes), --profile (sampled time per
 * part of the drawing pipeline, in all frames and in those over 14 ms; --top N
 * adds the N functions with most inclusive time in those).
 * Compare builds alternately, several runs each, and read the medians.
 */
import { chromium, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { CHROMIUM_ARGS, findChromium } from './browserPath';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const port = Number(flag('--port') ?? 4421);
const dist = flag('--dist') ?? 'dist';
const frames = Number(flag('--frames') ?? 420);
const base = `http://localhost:${port}`;

const MANUAL = `(() => {
  const realRaf = window.requestAnimationFrame.bind(window);
  const realNow = performance.now.bind(performance);
  const h = { manual: false, now: 0, cbs: [], realRaf };
  window.__frames = h;
  window.requestAnimationFrame = (cb) => { if (!h.manual) return realRaf(cb); h.cbs.push(cb); return 1e6 + h.cbs.length; };
  performance.now = () => (h.manual ? h.now : realNow());
  h.start = () => { h.now = realNow(); h.manual = true; };
  h.tick = () => new Promise((resolve) => {
    h.now += 1000 / 60;
    const list = h.cbs; h.cbs = [];
    for (const cb of list) cb(h.now);
    // The tasks the frame posted (MessageChannel), then the browser draws.
    const ch = new MessageChannel();
    ch.port1.onmessage = () => realRaf(() => setTimeout(resolve, 0));
    setTimeout(() => ch.port2.postMessage(null), 0);
  });
})()`;

async function threadMs(cdp: import('@playwright/test').CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
}

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}
const CATEGORIES: [string, RegExp][] = [
  ['engine', /^(runUntil|runUntilIdle)$/],
  ['snapshot', /^(takeSnapshot|previewSnapshot)$/],
  ['storeSet', /^setState$/],
  ['viewModel', /^(clusterViewOf|workloadsViewOf)$/],
  ['layout', /^layoutCluster$/],
  ['renderPods', /^renderPods$/],
  ['renderWorkloads', /^renderWorkloads$/],
  ['animateActivity', /^animateActivity$/],
  ['serviceLinks', /^(renderServiceLinks|serviceLinks)$/],
  ['renderBand', /^renderBand$/],
  ['renderClusterOther', /^renderCluster$/],
  ['spritesPaint', /^paint$/],
  ['d3timers', /^timerFlush$/],
  ['reactRender', /^renderRootSync$/],
  ['reactCommit', /^commitRoot$/],
  ['gc', /^\(garbage collector\)$/],
  ['program', /^\(program\)$/],
];
/** Sampled time per category: a sample counts for the first category (in list order) any of its stack's functions belongs to. */
function categorize(profile: Profile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map<number, string>();
  const catOf = (id: number): string => {
    const known = memo.get(id);
    if (known) return known;
    const names: string[] = [];
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) names.push(byId.get(x)!.callFrame.functionName);
    let cat = names[0] === '(idle)' ? 'idle' : 'otherJS';
    for (const [name, re] of CATEGORIES) if (names.some((n) => re.test(n))) { cat = name; break; }
    memo.set(id, cat);
    return cat;
  };
  const out = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const c = catOf(profile.samples[i]);
    if (c === 'idle') continue;
    out.set(c, (out.get(c) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  return out;
}

/** Inclusive sampled time per function (name and line). */
function inclusive(profile: Profile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const seen = new Set<string>();
    for (let x: number | undefined = profile.samples[i]; x !== undefined; x = parent.get(x)) {
      const f = byId.get(x)!.callFrame as { functionName: string; url: string; lineNumber?: number };
      if (f.functionName === '(idle)' || f.functionName === '(program)' || f.functionName === '(root)') break;
      const k = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\//, '')}:${(f.lineNumber ?? 0) + 1}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.set(k, (out.get(k) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    }
  }
  return out;
}

async function type(page: Page, command: string): Promise<void> {
  const terminal = page.getByRole('textbox', { name: 'Terminal', exact: true });
  await terminal.fill(command);
  await terminal.press('Enter');
}

async function main(): Promise<void> {
  const server: ChildProcess = spawn('npx', ['vite', 'preview', '--host', 'localhost', '--port', String(port), '--strictPort', '--outDir', dist], { stdio: 'ignore', detached: true });
  try {
    for (let i = 0; i < 100; i++) {
      if (await fetch(base).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    const found = findChromium();
    const browser = await chromium.launch({ executablePath: found?.path, args: found ? [...CHROMIUM_ARGS] : [] });
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
    await context.addInitScript(MANUAL);
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole('textbox', { name: 'Terminal', exact: true }).waitFor();
    await type(page, 'kubectl create deployment web --image=nginx:1.26 --replicas=100');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('30');
    await page.waitForFunction(`!!document.querySelector('rect.workload-hit[data-kind="deployment"][aria-label*="100 available"]')`, undefined, { timeout: 120_000, polling: 500 });
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('2');
    await page.waitForTimeout(1500);
    await page.evaluate('window.__frames.start()');
    for (let i = 0; i < 30; i++) await page.evaluate('window.__frames.tick()');
    await type(page, 'kubectl set image deployment/web nginx=nginx:1.27');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const costs: number[] = [];
    const profiling = args.includes('--profile');
    if (profiling) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    }
    const spikes = new Map<string, number>();
    const every = new Map<string, number>();
    let spikeCount = 0;
    const spikeFns = new Map<string, number>();
    for (let i = 0; i < frames; i++) {
      if (profiling) await cdp.send('Profiler.start');
      const before = await threadMs(cdp);
      await page.evaluate('window.__frames.tick()');
      const cost = (await threadMs(cdp)) - before;
      costs.push(cost);
      if (profiling) {
        const { profile } = await cdp.send('Profiler.stop');
        const cats = categorize(profile as never);
        for (const [k, v] of cats) every.set(k, (every.get(k) ?? 0) + v);
        if (cost > 14) {
          spikeCount++;
          for (const [k, v] of inclusive(profile as never)) spikeFns.set(k, (spikeFns.get(k) ?? 0) + v);
          for (const [k, v] of cats) spikes.set(k, (spikes.get(k) ?? 0) + v);
        }
      }
    }
    if (profiling) {
      const fmt = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / n).toFixed(2)}`).join(', ');
      console.log(`sampled ms per frame, all ${frames}: ${fmt(every, frames)}`);
      console.log(`sampled ms per frame, the ${spikeCount} over 14 ms: ${fmt(spikes, Math.max(1, spikeCount))}`);
      const top = [...spikeFns.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(flag('--top') ?? 0));
      for (const [k, v] of top) console.log(`${(v / Math.max(1, spikeCount)).toFixed(2).padStart(8)}  ${k}`);
    }
    const done = await page.evaluate(`!!document.querySelector('rect.workload-hit[data-kind="deployment"][aria-label*="revision 2"][aria-label*="100 updated, 100 available"]')`);
    await browser.close();
    const sorted = [...costs].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(2);
    const sum = costs.reduce((a, b) => a + b, 0);
    console.log(`${dist}: ${frames} frames, rollout ${done ? 'complete' : 'NOT complete'}; CPU per frame mean ${(sum / frames).toFixed(2)} p50 ${q(0.5)} p90 ${q(0.9)} p95 ${q(0.95)} p99 ${q(0.99)} max ${sorted.at(-1)!.toFixed(1)} ms; total ${sum.toFixed(0)} ms; over 10 ms: ${costs.filter((c) => c > 10).length}, over 16.7 ms: ${costs.filter((c) => c > 16.7).length}`);
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
