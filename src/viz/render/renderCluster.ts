import { select, type Selection } from 'd3';
import { anchorOf, METRICS, type ClusterLayout, type PlacedNode, type PlacedPod, type PlacedWorkload } from '../layout/clusterLayout';
import type { ActivitySummary, NoteLine } from '../model/controlPlane';
import { renderBand } from '../glyphs/bandGlyph';
import { enterNode, updateNode } from '../glyphs/nodeGlyph';
import { enterPod, updatePod } from '../glyphs/podGlyph';
import { PodSprites } from './podSprites';
import { renderServiceLinks, serviceLinks } from '../glyphs/serviceLinks';
import { renderWorkloads } from '../glyphs/workloadGlyph';
import { setAttr } from '../glyphs/dom';
import { animateActivity } from './animateActivity';
import { onPodFocus, onPodKey, updateTabStop } from './podKeyboard';
import { podAt, renderDensePods } from './renderDense';
import { vizText } from '../text';
import './cluster.css';

export interface RenderOptions {
  /** `namespace/name` of the selected pod. */
  readonly selectedKey: string | undefined;
  /** Called when a pod is clicked or activated with Enter/Space. */
  readonly onSelect: (key: string) => void;
  /** The selected node's name. */
  readonly selectedNodeKey?: string | undefined;
  /** Called when a node's header is clicked or activated with Enter/Space. */
  readonly onSelectNode?: (key: string) => void;
  /** The selected Deployment or Service card (`deployment:ns/name`, `service:ns/name`). */
  readonly selectedWorkloadKey?: string | undefined;
  /** Called when a Deployment or Service card is clicked or activated. */
  readonly onSelectWorkload?: (workload: PlacedWorkload) => void;
  /** Transition length for this frame (0: no motion). */
  readonly durationMs: number;
  /** Playback speed (0 = paused). */
  readonly speed?: number;
  /** prefers-reduced-motion: cross-fades only, no travel or shrinking. */
  readonly reducedMotion: boolean;
  /** The control plane's latest note. */
  readonly note?: NoteLine | undefined;
  /** What the control plane did since the last snapshot, and that snapshot's version. */
  readonly activity?: { readonly summary: ActivitySummary; readonly version: number } | undefined;
  /** Where the dense drawing paints its cells (a canvas over the SVG, sized by the renderer). */
  readonly canvas?: HTMLCanvasElement | null;
  /** Where the pods of the normal drawing are painted (a canvas over the SVG, sized and placed by `PodSprites`). */
  readonly podCanvas?: HTMLCanvasElement | null;
  /** An SVG over the drawing for travelling pulses (sized by the renderer), so they repaint only themselves. */
  readonly fx?: SVGSVGElement | null;
}

/**
 * Transition length for a playback speed: ~450 ms at 1×, shorter when time
 * runs faster, never under 120 ms so 30× stays legible.
 * @example transitionMs(1) // 450
 */
export function transitionMs(speed: number): number {
  if (speed <= 0) return 450;
  return Math.round(Math.max(120, Math.min(600, 450 / Math.sqrt(speed))));
}

/** Drawings that have been drawn at least once (a pod present at the first render does not fly in). */
const drawnOnce = new WeakSet<SVGSVGElement>();
/** Each drawing's latest options: the delegated event handlers read them when an event comes. */
const latest = new WeakMap<SVGSVGElement, RenderOptions>();
/** What each pod element was last drawn as: unchanged pods are not touched (no style work). */
const drawnAs = new WeakMap<SVGGElement, string>();
/** The placement (the layout keeps an unchanged pod's object) and selection each pod element was last drawn with. */
const placedAs = new WeakMap<SVGGElement, { readonly placed: PlacedPod; readonly selected: boolean }>();

function nodeSignature(d: PlacedNode, selectedKey: string | undefined): string {
  const n = d.node;
  return [d.box.x, d.box.y, d.box.width, d.box.height, n.label, n.readiness, n.unschedulable, n.stopped, n.taints.join(), n.cpu.requested, n.memory.requested, n.pods.length, n.deleted === true, n.key === selectedKey].join('|');
}

function podSignature(d: PlacedPod, selectedKey: string | undefined): string {
  const p = d.pod;
  return `${p.look}|${p.label}|${p.restarts}|${p.owner?.hue ?? ''}|${p.key === selectedKey ? 1 : 0}`;
}

/**
 * Draws the cluster into `svg` (which it owns entirely): the control-plane
 * band with its scheduling queue, node cards and pods, with keyed
 * enter/update/exit so that pods keep their identity from frame to frame.
 */
export function renderCluster(svg: SVGSVGElement, layout: ClusterLayout, options: RenderOptions): void {
  sizeTo(svg, layout);
  const root = select(svg);
  ensureLayers(svg);
  const ms = options.durationMs;
  const first = !drawnOnce.has(svg);
  drawnOnce.add(svg);
  latest.set(svg, options);
  if (options.fx) overlayOf.set(svg, options.fx);

  renderBand(root.select<SVGGElement>('g.layer-band'), { layout: layout.band, note: options.note, queued: layout.pods.filter((p) => !p.nodeKey).length });
  renderWorkloads(root.select<SVGGElement>('g.layer-workloads'), layout.workloads, {
    selectedKey: options.selectedWorkloadKey,
    onSelect: (w) => options.onSelectWorkload?.(w),
  });

  // Node cards.
  const nodes = root.select<SVGGElement>('g.layer-nodes').selectAll<SVGGElement, PlacedNode>('g.node').data(layout.nodes, (d) => d.node.key);
  const enteredCards = enterNode(nodes.enter());
  const nodesAll = enteredCards.merge(nodes);
  nodesAll
    .filter(function (d) {
      const sig = nodeSignature(d, options.selectedNodeKey);
      if (drawnAs.get(this) === sig) return false;
      drawnAs.set(this, sig);
      return true;
    })
    .attr('transform', (d) => `translate(${d.box.x},${d.box.y})`)
    .call(updateNode, options.selectedNodeKey);
  // Bound once per card; the handlers read the drawing's latest options (and the card's latest datum).
  const nodeOf = (el: Element) => (select(el.parentNode as SVGGElement).datum() as PlacedNode).node.key;
  enteredCards
    .select<SVGRectElement>('.node-head')
    .on('click', function () {
      latest.get(svg)?.onSelectNode?.(nodeOf(this));
    })
    .on('keydown', function (event: KeyboardEvent) {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      latest.get(svg)?.onSelectNode?.(nodeOf(this));
    });
  nodes.exit().remove();

  const selectedService = options.selectedWorkloadKey?.startsWith('service:') ? options.selectedWorkloadKey.slice('service:'.length) : undefined;
  renderServiceLinks(root.select<SVGGElement>('g.layer-links'), serviceLinks(layout), selectedService, options.reducedMotion ? 0 : ms);
  if (layout.dense && options.canvas) {
    renderPods(svg, { ...layout, pods: [] }, { ...options, podCanvas: null }, first);
    if (options.podCanvas) spritesOf.get(options.podCanvas)?.clear();
    renderDense(svg, options.canvas, layout, options);
  } else {
    // Back from the dense drawing, pods are drawn in place (not a hundred flying in at once).
    const fromDense = svg.classList.contains('is-dense');
    if (options.canvas) clearDense(svg, options.canvas);
    renderPods(svg, layout, options, first || fromDense);
  }
  if (options.fx) sizeTo(options.fx, layout);
  if (options.activity) animateActivity(svg, layout, options.activity.summary, { version: options.activity.version, durationMs: Math.max(ms, 260), reducedMotion: options.reducedMotion }, options.fx);
}

/** Sets an SVG's size and view box to the layout's, when they differ. */
function sizeTo(svg: SVGSVGElement, layout: ClusterLayout): void {
  setAttr(svg, 'width', layout.width);
  setAttr(svg, 'height', layout.height);
  setAttr(svg, 'viewBox', `0 0 ${layout.width} ${layout.height}`);
}

/** Each canvas's pods (the canvas outlives renders). */
const spritesOf = new WeakMap<HTMLCanvasElement, PodSprites>();

/**
 * The part of the drawing its scroller shows (x, y, width, height in drawing
 * pixels): the pods' canvas covers only that, so each frame copies a canvas
 * the size of the view, not of the whole drawing.
 */
export function setPodViewport(canvas: HTMLCanvasElement, view: { readonly x: number; readonly y: number; readonly width: number; readonly height: number }): void {
  podSprites(canvas).setViewport(view);
}

function podSprites(canvas: HTMLCanvasElement): PodSprites {
  let sprites = spritesOf.get(canvas);
  if (!sprites) {
    const made = new PodSprites(canvas);
    spritesOf.set(canvas, (sprites = made));
    // The colors follow the theme.
    if (typeof matchMedia === 'function') matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => made.themeChanged());
  }
  return sprites;
}

/**
 * Pods: focusable buttons in the SVG, one layer above the cards, each at its
 * place at once; how they look and move is painted on the canvas over the
 * drawing (`PodSprites`), so a moving pod repaints the canvas, not the SVG.
 */
function renderPods(svg: SVGSVGElement, layout: ClusterLayout, options: RenderOptions, first: boolean): void {
  const ms = options.durationMs;
  const pods = select(svg).select<SVGGElement>('g.layer-pods').selectAll<SVGGElement, PlacedPod>('g.pod').data(layout.pods, (d) => d.pod.key);
  const entered = enterPod(pods.enter());
  bindPodEvents(svg, entered);
  const at = (d: PlacedPod) => `translate(${d.x},${d.y})`;
  // DOM order = reading order, for screen readers, Tab and the arrow keys alike.
  const all = entered.merge(pods).order();
  // Only pods whose look, name, restarts, revision, place or selection changed are written to
  // (the same placement object as last time, selected alike: nothing to compare further).
  const moved = all.filter(function (d) {
    const selected = d.pod.key === options.selectedKey;
    const last = placedAs.get(this);
    if (last?.placed === d && last.selected === selected) return false;
    placedAs.set(this, { placed: d, selected });
    return true;
  });
  moved
    .filter(function (d) {
      const sig = podSignature(d, options.selectedKey);
      if (drawnAs.get(this) === sig) return false;
      drawnAs.set(this, sig);
      return true;
    })
    .call(updatePod, options.selectedKey);
  moved.each(function (d) {
    setAttr(this, 'transform', at(d));
  });
  // A leaving pod's element goes at once (tests and screen readers see no ghosts); the canvas fades it out.
  pods.exit().remove();
  if (options.podCanvas) {
    const scheduler = anchorOf(layout, 'scheduler');
    podSprites(options.podCanvas).update(
      layout.pods,
      { durationMs: ms, speed: options.speed ?? 1, reducedMotion: options.reducedMotion, origin: scheduler, width: layout.width, height: layout.height, size: METRICS.pod },
      !first && ms > 0,
    );
  }
  updateTabStop(svg, all.data().map((d) => d.pod.key), all.nodes());
  followPodLabel(svg, all.data());
}

/** The dense drawing: cells on the canvas; the SVG underneath answers the pointer (name on hover, select on click). */
function renderDense(svg: SVGSVGElement, canvas: HTMLCanvasElement, layout: ClusterLayout, options: RenderOptions): void {
  const index = renderDensePods(canvas, layout, options.selectedKey);
  const tip = podTip(svg);
  const text = tip.select<SVGTextElement>('text');
  const pointAt = (event: MouseEvent) => {
    const box = svg.getBoundingClientRect();
    return podAt(index, layout, ((event.clientX - box.left) * layout.width) / box.width, ((event.clientY - box.top) * layout.height) / box.height);
  };
  select(svg)
    .classed('is-dense', true)
    .on('mousemove.dense', (event: MouseEvent) => {
      const pod = pointAt(event);
      svg.style.cursor = pod ? 'pointer' : '';
      if (!pod) {
        tip.attr('visibility', 'hidden');
        return;
      }
      text.text(`${pod.pod.name} · ${pod.pod.status}`);
      const node = text.node();
      const width = (node && typeof node.getComputedTextLength === 'function' ? node.getComputedTextLength() : 200) + 12;
      tip.attr('transform', `translate(${pod.x - 4},${pod.y - 24})`).attr('visibility', 'visible').select('rect').attr('width', width);
    })
    .on('mouseleave.dense', () => tip.attr('visibility', 'hidden'))
    .on('click.dense', (event: MouseEvent) => {
      const pod = pointAt(event);
      if (pod) options.onSelect(pod.pod.key);
    });
}

/** Back from the dense drawing: its cells go (the pods have a canvas of their own). */
function clearDense(svg: SVGSVGElement, canvas: HTMLCanvasElement): void {
  if (!svg.classList.contains('is-dense')) return;
  canvas.width = 0;
  canvas.height = 0;
  select(svg).classed('is-dense', false).on('mousemove.dense', null).on('mouseleave.dense', null).on('click.dense', null);
  svg.style.cursor = '';
  hidePodLabel(svg);
}

/** Shows a pod's name in the shared label of the top layer (not inside the pod, so its box stays its square). */
function showPodLabel(svg: SVGSVGElement, d: PlacedPod): void {
  const tip = podTip(svg);
  const text = tip.select<SVGTextElement>('text');
  text.text(d.pod.name);
  const node = text.node();
  const width = (node && typeof node.getComputedTextLength === 'function' ? node.getComputedTextLength() : d.pod.name.length * 7) + 12;
  tip.attr('transform', `translate(${d.x - 4},${d.y - 26})`).attr('data-key', d.pod.key).attr('visibility', 'visible');
  tip.select('rect').attr('width', width);
}

function hidePodLabel(svg: SVGSVGElement): void {
  podTip(svg).attr('visibility', 'hidden').attr('data-key', null);
}

/** The named pod moved or left: the label follows it, or hides. */
function followPodLabel(svg: SVGSVGElement, pods: readonly PlacedPod[]): void {
  const named = podTip(svg).attr('data-key');
  if (!named) return;
  const current = pods.find((d) => d.pod.key === named);
  if (current) showPodLabel(svg, current);
  else hidePodLabel(svg);
}

/**
 * Pointer and focus handling of one pod, bound once when it enters (the
 * handlers read the drawing's latest options when an event comes): a click
 * selects, hover and keyboard focus name the pod (UI.md), the keys move
 * between pods. Focus listeners sit on the pods themselves: on an SVG group
 * they would make the group a tab stop.
 */
function bindPodEvents(svg: SVGSVGElement, pods: Selection<SVGGElement, PlacedPod, SVGGElement, unknown>): void {
  const datum = (el: Element) => select(el).datum() as PlacedPod;
  pods
    .on('click', function () {
      latest.get(svg)?.onSelect(datum(this).pod.key);
    })
    .on('mouseenter', function () {
      showPodLabel(svg, datum(this));
    })
    .on('mouseleave', () => {
      // After the pointer leaves, the keyboard-focused pod (if any) keeps its name shown.
      const focused = svg.querySelector<SVGGElement>('g.pod:focus-visible');
      if (focused) showPodLabel(svg, datum(focused));
      else hidePodLabel(svg);
    })
    .on('focus', function () {
      onPodFocus(svg, this);
      if (this.matches(':focus-visible')) showPodLabel(svg, datum(this));
    })
    .on('blur', () => hidePodLabel(svg))
    .on('keydown', function (event: KeyboardEvent) {
      onPodKey(svg, this, event, (key) => latest.get(svg)?.onSelect(key));
    });
}

function ensureLayers(svg: SVGSVGElement): void {
  if (svg.querySelector('g.layer-pods')) return;
  const root = select(svg);
  const defs = root.append('defs');
  const hatch = defs.append('pattern').attr('id', 'kp-hatch').attr('width', 8).attr('height', 8).attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(45)');
  hatch.append('rect').attr('width', 3).attr('height', 8).attr('class', 'hatch-stroke');
  // The end of a line to an endpoint that is not ready: a small cross.
  defs
    .append('marker')
    .attr('id', 'kp-excluded')
    .attr('viewBox', '-5 -5 10 10')
    .attr('markerWidth', 9)
    .attr('markerHeight', 9)
    .attr('orient', 'auto')
    .append('path')
    .attr('class', 'excluded-mark')
    .attr('d', 'M-3.5,-3.5 L3.5,3.5 M-3.5,3.5 L3.5,-3.5');
  root.append('g').attr('class', 'layer-band');
  root.append('g').attr('class', 'layer-workloads').attr('role', 'group').attr('aria-label', vizText().workloadsGroup);
  root.append('g').attr('class', 'layer-nodes');
  root.append('g').attr('class', 'layer-links').attr('aria-hidden', 'true');
  root.append('g').attr('class', 'layer-pulses').attr('aria-hidden', 'true');
  root.append('g').attr('class', 'layer-pods');
}

/** The drawing's overlay (pulses, the pod's name), when it has one. */
const overlayOf = new WeakMap<SVGSVGElement, SVGSVGElement>();

/** The shared label that names the pod under the pointer or focus: on the overlay, above the pods' canvas. */
function podTip(svg: SVGSVGElement): Selection<SVGGElement, unknown, null, undefined> {
  const host = overlayOf.get(svg) ?? svg;
  let tip = host.querySelector<SVGGElement>(':scope > g.pod-tip');
  if (!tip) {
    const made = select(host).append('g').attr('class', 'pod-tip').attr('aria-hidden', 'true').attr('visibility', 'hidden');
    made.append('rect').attr('height', 20).attr('rx', 5);
    made.append('text').attr('x', 6).attr('y', 14);
    tip = made.node()!;
  }
  return select(tip);
}
