import type { CycleState } from '../cycleState';
import { MAX_NODE_SCORE, type SchedulerPlugin } from '../plugin';
import type { ImageState } from '../schedulingSnapshot';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;
const PRESCORE_KEY = 'PreScoreImageLocality';

/** `normalizedImageName`: an image without a tag gets `:latest` (no registry or digest rewriting, as upstream). */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/** `calculatePriority`: the summed image score clamped to [23 MB, 1000 MB × containers] and scaled to 0–100. */
export function imageLocalityPriority(sumScores: number, numContainers: number): number {
  const max = MAX_CONTAINER_THRESHOLD * numContainers;
  const s = Math.min(Math.max(sumScores, MIN_THRESHOLD), max);
  return Math.trunc((MAX_NODE_SCORE * (s - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
}

const NO_STATES: ImageState[] = [];
const NO_SCALED: number[] = [];

interface Prepared {
  /** Images on some but not all nodes (per-node sums needed). */
  states: ImageState[];
  /** `scaledImageScore`: size × share of nodes holding the image. */
  scaled: number[];
  numContainers: number;
  /** Σ scaled scores of images every node holds. */
  everywhere: number;
}

const normalized = new Map<string, string>();

function normalizedCached(name: string): string {
  let n = normalized.get(name);
  if (n === undefined) {
    if (normalized.size > 10_000) normalized.clear();
    normalized.set(name, (n = normalizedImageName(name)));
  }
  return n;
}

/** After PreScore: the score every node gets when no image is on only some nodes, else undefined. */
export function uniformImageScore(state: CycleState): number | undefined {
  const p = state.read<Prepared | undefined>(PRESCORE_KEY);
  if (!p || p.states.length > 0) return undefined;
  return p.numContainers === 0 ? 0 : imageLocalityPriority(p.everywhere, p.numContainers);
}

/**
 * Score (weight 1): nodes that already hold the pod's images (init and app
 * containers), each image worth its size times the share of nodes that have
 * it, so a rare image does not pull every replica to one node.
 */
export const imageLocality: SchedulerPlugin = {
  name: 'ImageLocality',
  preScore(state) {
    const spec = state.pod.pod.spec;
    const init = spec?.initContainers ?? [];
    const app = spec?.containers ?? [];
    const total = state.snapshot.nodes.length;
    // Why: once per cycle; most images are on every node or none, so the lists stay the shared empty ones.
    const p: Prepared = { states: NO_STATES, scaled: NO_SCALED, numContainers: init.length + app.length, everywhere: 0 };
    for (let i = 0; i < p.numContainers; i++) {
      const c = i < init.length ? init[i] : app[i - init.length];
      const st = c.image ? state.snapshot.imageState(normalizedCached(c.image)) : undefined;
      if (!st) continue;
      const scaled = Math.trunc(st.size * (st.numNodes / total));
      if (st.numNodes === total) {
        p.everywhere += scaled;
        continue;
      }
      if (p.states === NO_STATES) {
        p.states = [];
        p.scaled = [];
      }
      p.states.push(st);
      p.scaled.push(scaled);
    }
    state.write(PRESCORE_KEY, p);
    return true;
  },
  score(state, _nodes, idx, count, out) {
    const p = state.read<Prepared>(PRESCORE_KEY);
    if (p.states.length === 0) return p.numContainers === 0 ? 0 : imageLocalityPriority(p.everywhere, p.numContainers);
    for (let i = 0; i < count; i++) {
      const x = idx[i];
      let sum = p.everywhere;
      for (let j = 0; j < p.states.length; j++) if (p.states[j].onNode[x]) sum += p.scaled[j];
      out[i] = imageLocalityPriority(sum, p.numContainers);
    }
  },
};
