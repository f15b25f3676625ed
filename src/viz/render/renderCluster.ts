// `transition` is imported (not only used as a method) so that the bundler keeps
// d3-transition, which adds selection.transition() as a side effect.
import { easeCubicInOut, select, transition, type Selection } from 'd3';
import { anchorOf, METRICS, type ClusterLayout, type PlacedNode, type PlacedPod, type PlacedWorkload } from '../layout/clusterLayout';
import type { ActivitySummary, NoteLine } from '../model/controlPlane';
import { renderBand } from '../glyphs/bandGlyph';
import { enterNode, updateNode } from '../glyphs/nodeGlyph';
import { enterPod, updatePod } from '../glyphs/podGlyph';
import { renderServiceLinks, serviceLinks } from '../glyphs/serviceLinks';
import { renderWorkloads } from '../glyphs/workloadGlyph';
import { animateActivity } from './animateActivity';
import { applyPodEffects, readDrawn } from './podEffects';
import { attachPodKeyboard } from './podKeyboard';
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

/**
 * Draws the cluster into `svg` (which it owns entirely): the control-plane
 * band with its scheduling queue, node cards and pods, with keyed
 * enter/update/exit so that pods keep their identity from frame to frame.
 */
export function renderCluster(svg: SVGSVGElement, layout: ClusterLayout, options: RenderOptions): void {
  const root = select(svg).attr('width', layout.width).attr('height', layout.height).attr('viewBox', `0 0 ${layout.width} ${layout.height}`);
  ensureLayers(svg);
  const ms = options.durationMs;
  const first = !drawnOnce.has(svg);
  drawnOnce.add(svg);

  renderBand(root.select<SVGGElement>('g.layer-band'), { layout: layout.band, note: options.note, queued: layout.pods.filter((p) => !p.nodeKey).length });
  renderWorkloads(root.select<SVGGElement>('g.layer-workloads'), layout.workloads, {
    selectedKey: options.selectedWorkloadKey,
    onSelect: (w) => options.onSelectWorkload?.(w),
  });

  // Node cards.
  const nodes = root.select<SVGGElement>('g.layer-nodes').selectAll<SVGGElement, PlacedNode>('g.node').data(layout.nodes, (d) => d.node.key);
  const nodesAll = enterNode(nodes.enter()).merge(nodes);
  nodesAll.attr('transform', (d) => `translate(${d.box.x},${d.box.y})`).call(updateNode, options.selectedNodeKey);
  const selectNode = options.onSelectNode;
  nodesAll
    .select<SVGRectElement>('.node-head')
    .on('click', (_event, d) => selectNode?.(d.node.key))
    .on('keydown', (event: KeyboardEvent, d) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      selectNode?.(d.node.key);
    });
  nodes.exit().remove();

  const selectedService = options.selectedWorkloadKey?.startsWith('service:') ? options.selectedWorkloadKey.slice('service:'.length) : undefined;
  renderServiceLinks(root.select<SVGGElement>('g.layer-links'), serviceLinks(layout), selectedService, options.reducedMotion ? 0 : ms);
  renderPods(svg, layout, options, first);
  if (options.activity) animateActivity(svg, layout, options.activity.summary, { version: options.activity.version, durationMs: Math.max(ms, 260), reducedMotion: options.reducedMotion });
}

/** Pods, one layer above the cards, so a pod can travel from the control plane to its node. */
function renderPods(svg: SVGSVGElement, layout: ClusterLayout, options: RenderOptions, first: boolean): void {
  const ms = options.durationMs;
  const pods = select(svg).select<SVGGElement>('g.layer-pods').selectAll<SVGGElement, PlacedPod>('g.pod:not(.is-leaving)').data(layout.pods, (d) => d.pod.key);
  const before = readDrawn(pods);
  const entered = enterPod(pods.enter());
  const at = (d: PlacedPod) => `translate(${d.x},${d.y})`;
  // A new pod appears at the scheduler and travels to its node (already bound when first seen).
  const scheduler = anchorOf(layout, 'scheduler');
  const fromScheduler = !first && !options.reducedMotion && scheduler !== undefined;
  const start = (d: PlacedPod) => (fromScheduler && d.nodeKey ? `translate(${scheduler!.x - METRICS.pod / 2},${scheduler!.y - METRICS.pod})` : at(d));
  // Named transitions, so that a move never interrupts a fade (renders come every snapshot).
  entered.attr('transform', start).attr('data-at', at).style('opacity', 0).transition('fade').duration(ms).style('opacity', 1);
  if (fromScheduler) {
    entered
      .filter((d) => d.nodeKey !== undefined)
      .transition('move')
      .duration(ms * 1.6)
      .ease(easeCubicInOut)
      .attr('transform', at);
  }
  // DOM order = reading order, for screen readers, Tab and the arrow keys alike.
  const all = entered.merge(pods).order();
  all.on('click', (_event, d) => options.onSelect(d.pod.key));
  all.call(updatePod, options.selectedKey);
  applyPodEffects(all, before, { speed: options.speed ?? 1, durationMs: ms, reducedMotion: options.reducedMotion });
  const moved = pods.filter(function (d) {
    return this.getAttribute('data-at') !== at(d);
  });
  moved.attr('data-at', at);
  if (options.reducedMotion) moved.attr('transform', at);
  else moved.transition(transition('move').duration(ms).ease(easeCubicInOut)).attr('transform', at);
  const leaving = pods.exit<PlacedPod>().attr('aria-hidden', 'true').attr('tabindex', null).attr('role', null).classed('is-leaving', true);
  leaving.on('click', null).on('keydown', null).transition('fade').duration(ms).style('opacity', 0).remove();

  attachPodKeyboard(svg, all, options.onSelect);
  attachPodLabel(svg, all);
}

/**
 * Names a pod on hover and focus (UI.md) with one shared label in the top
 * layer. It is not inside the pod's group, so the pod's box (what a click
 * aims at) stays its square.
 */
function attachPodLabel(svg: SVGSVGElement, pods: Selection<SVGGElement, PlacedPod, SVGGElement, unknown>): void {
  const tip = select(svg).select<SVGGElement>('g.pod-tip');
  const text = tip.select<SVGTextElement>('text');
  const show = (d: PlacedPod) => {
    text.text(d.pod.name);
    const node = text.node();
    const width = (node && typeof node.getComputedTextLength === 'function' ? node.getComputedTextLength() : d.pod.name.length * 7) + 12;
    tip.attr('transform', `translate(${d.x - 4},${d.y - 26})`).attr('data-key', d.pod.key).attr('visibility', 'visible');
    tip.select('rect').attr('width', width);
  };
  const hide = () => tip.attr('visibility', 'hidden').attr('data-key', null);
  /** After the pointer leaves, the keyboard-focused pod (if any) keeps its name shown. */
  const fallBack = () => {
    const focused = svg.querySelector<SVGGElement>('g.pod:focus-visible');
    const d = focused ? (select(focused).datum() as PlacedPod | undefined) : undefined;
    if (d) show(d);
    else hide();
  };
  // The named pod left or moved: follow it, or hide.
  const named = tip.attr('data-key');
  if (named) {
    const current = pods.data().find((d) => d.pod.key === named);
    if (current) show(current);
    else hide();
  }
  pods
    .on('mouseenter.label', (_event, d) => show(d))
    .on('mouseleave.label', fallBack)
    .on('focus.label', function (_event, d) {
      if (this.matches(':focus-visible')) show(d);
    })
    .on('blur.label', hide);
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
  root.append('g').attr('class', 'layer-workloads').attr('role', 'group').attr('aria-label', 'Deployments and Services');
  root.append('g').attr('class', 'layer-nodes');
  root.append('g').attr('class', 'layer-links').attr('aria-hidden', 'true');
  root.append('g').attr('class', 'layer-pulses').attr('aria-hidden', 'true');
  root.append('g').attr('class', 'layer-pods');
  const tip = root.append('g').attr('class', 'pod-tip').attr('aria-hidden', 'true').attr('visibility', 'hidden');
  tip.append('rect').attr('height', 20).attr('rx', 5);
  tip.append('text').attr('x', 6).attr('y', 14);
}
