import type { EnterElement, Selection } from 'd3';
import { formatCpu, formatMemory } from '../model/resources';
import type { NodeView, Usage } from '../model/clusterView';
import { METRICS, type PlacedNode } from '../layout/clusterLayout';
import { vizText } from '../text';
import { enterCardFrame, enterCardHead } from './machineCard';

type NodeSelection = Selection<SVGGElement, PlacedNode, SVGGElement, unknown>;

/** What each readiness pill was last drawn for. */
const pillDrawn = new WeakMap<SVGGElement, string>();

const AGENTS = [
  { id: 'kubelet', box: (d: PlacedNode) => d.kubelet },
  { id: 'kube-proxy', box: (d: PlacedNode) => d.kubeProxy },
] as const;

const BARS = [
  { key: 'cpu', label: () => 'CPU', format: formatCpu },
  { key: 'memory', label: () => vizText().memory, format: formatMemory },
] as const;

/** Builds a node card's elements once. */
export function enterNode(sel: Selection<EnterElement, PlacedNode, SVGGElement, unknown>): NodeSelection {
  const g = sel.append('g').attr('class', 'node').attr('role', 'group').attr('data-kind', 'node');
  enterCardFrame(g, METRICS, BARS);
  // The node agents: the kubelet (runs the pods, reports status) and kube-proxy (programs Service routing).
  for (const agent of AGENTS) {
    const mark = g.append('g').attr('class', `node-agent agent-${agent.id}`).attr('data-kind', 'agent').attr('aria-hidden', 'true');
    mark.append('rect').attr('class', 'node-agent-box').attr('rx', 8).attr('height', METRICS.markHeight);
    mark.append('circle').attr('class', 'node-agent-dot').attr('cx', 8).attr('cy', METRICS.markHeight / 2).attr('r', 3);
    mark.append('text').attr('class', 'node-agent-text').attr('x', 14).attr('y', 11.5).text(agent.id);
  }
  g.append('text').attr('class', 'node-empty').attr('x', METRICS.cardPad).attr('y', METRICS.cardHeader + 2 * METRICS.barRow + METRICS.podsLabel + 16);
  enterCardHead(g, METRICS, 'node');
  return g;
}

function ratio(u: Usage): number {
  return u.allocatable > 0 ? Math.min(1, u.requested / u.allocatable) : 0;
}

/** What each text was last fitted for. */
const fitted = new WeakMap<SVGTextElement, string>();

/** Writes `text`, cut with an ellipsis to `width` pixels when the browser can measure it (measured only when text or width changed). */
function fitText(el: SVGTextElement, text: string, width: number): void {
  const key = `${text}|${width}`;
  if (fitted.get(el) === key) return;
  fitted.set(el, key);
  el.textContent = text;
  if (typeof el.getComputedTextLength !== 'function' || el.getComputedTextLength() <= width) return;
  let n = text.length;
  while (n > 1 && el.getComputedTextLength() > width) el.textContent = `${text.slice(0, --n).trimEnd()}…`;
}

/** A card narrower than the grid's least width (all nodes in one row): it says less, in fewer words. */
const isCompact = (d: PlacedNode) => d.box.width < METRICS.minCardWidth;

/** Width of a bar's label column (CPU, Memory). */
const labelWidth = (d: PlacedNode) => (isCompact(d) ? 58 : 62);

/** The line under the name: roles and version, or (compact) the pod count, which has no row of its own there; then what is unusual. */
function metaLine(node: NodeView, compact: boolean): string {
  if (node.deleted) return vizText().deletedNodeNote;
  const roles = node.roles.length > 0 ? node.roles.join(',') : '<none>';
  const parts = compact ? [vizText().podsOfCapacity(node.pods.length, node.podCapacity)] : [vizText().roles(roles), node.version];
  if (node.unschedulable) parts.push('SchedulingDisabled');
  if (node.stopped) parts.push(vizText().poweredOff);
  return parts.filter(Boolean).join(' · ');
}

/** Why a node has no pods, in a few words. */
function emptyText(node: NodeView): string {
  if (node.pods.length > 0) return '';
  if (node.unschedulable) return vizText().noPodsCordoned;
  if (node.taints.some((t) => t.endsWith(':NoSchedule'))) return vizText().noPodsTainted;
  return vizText().noPodsYet;
}

/** Applies a node's current state and size to its card. */
export function updateNode(sel: NodeSelection, selectedKey: string | undefined): void {
  const pad = METRICS.cardPad;
  sel
    .attr('data-key', (d) => d.node.key)
    .attr('data-readiness', (d) => d.node.readiness)
    .attr('aria-label', (d) => d.node.label)
    .classed('is-cordoned', (d) => d.node.unschedulable)
    .classed('is-notready', (d) => d.node.readiness !== 'Ready')
    .classed('is-stopped', (d) => d.node.stopped)
    .classed('is-deleted', (d) => d.node.deleted === true)
    .classed('is-selected', (d) => d.node.key === selectedKey)
    .classed('is-bare', (d) => d.bare === true);
  sel
    .select('.node-head')
    .attr('width', (d) => d.box.width)
    .attr('data-key', (d) => d.node.key)
    .attr('aria-label', (d) => d.node.label)
    .attr('aria-expanded', (d) => String(d.node.key === selectedKey))
    .attr('aria-controls', (d) => (d.node.key === selectedKey ? 'inspector' : null));
  sel.select('.node-card').attr('width', (d) => d.box.width).attr('height', (d) => d.box.height);
  sel.select('.node-hatch').attr('width', (d) => d.box.width);
  sel.select('.node-name').text((d) => d.node.name);
  sel.select('.node-meta').each(function (d) {
    fitText(this as SVGTextElement, metaLine(d.node, isCompact(d)), d.box.width - 2 * pad);
  });
  sel.select('.node-readiness').each(function (d) {
    // Compact: the symbol alone (its shape is the second cue; the words are in the node's name for screen readers and its panel).
    const symbol = d.node.readiness === 'Ready' ? '●' : '⚠';
    const text = isCompact(d) ? symbol : d.node.readiness === 'Ready' ? '● Ready' : `⚠ ${d.node.readiness}`;
    const g = this as SVGGElement;
    // Measuring forces a layout: only when the text or the card's width changed.
    const key = `${text}|${d.box.width}`;
    if (pillDrawn.get(g) === key) return;
    pillDrawn.set(g, key);
    const label = g.querySelector<SVGTextElement>('.node-readiness-text');
    if (!label) return;
    label.textContent = text;
    // Measure when the browser can (fonts differ); estimate otherwise.
    const measured = typeof label.getComputedTextLength === 'function' ? label.getComputedTextLength() : 0;
    const width = 20 + (measured > 0 ? measured : text.length * 6.6);
    g.setAttribute('transform', `translate(${d.box.width - pad - width},0)`);
    g.querySelector('.node-readiness-pill')?.setAttribute('width', String(width));
    label.setAttribute('x', String(width / 2));
  });
  // Compact: the request alone (the bar shows its share of allocatable).
  const barWidth = (d: PlacedNode) => (isCompact(d) ? Math.max(24, d.box.width - 2 * pad - labelWidth(d) - 56) : Math.max(40, d.box.width - 2 * pad - 62 - 112));
  for (const bar of BARS) {
    const row = sel.select(`.node-bar-${bar.key}`);
    row.select('.node-bar-track').attr('x', labelWidth).attr('width', barWidth);
    row
      .select('.node-bar-fill')
      .attr('x', labelWidth)
      .attr('width', (d) => barWidth(d) * ratio(d.node[bar.key]));
    row
      .select('.node-bar-value')
      .attr('x', (d) => d.box.width - 2 * pad)
      .text((d) => (isCompact(d) ? bar.format(d.node[bar.key].requested) : `${bar.format(d.node[bar.key].requested)} / ${bar.format(d.node[bar.key].allocatable)}`));
  }
  sel.select('.node-pods-label').text((d) => (isCompact(d) ? '' : d.node.deleted ? vizText().podCount(d.node.pods.length) : vizText().podsOfCapacity(d.node.pods.length, d.node.podCapacity)));
  for (const agent of AGENTS) {
    const mark = sel.select(`.agent-${agent.id}`);
    mark
      .attr('data-key', (d) => `${agent.id}:${d.node.key}`)
      .attr('transform', (d) => `translate(${agent.box(d).x},${agent.box(d).y})`)
      .classed('is-off', (d) => d.node.stopped);
    mark.select('rect').attr('width', (d) => agent.box(d).width);
  }
  sel
    .select('.node-empty')
    .attr('y', (d) => (d.bare ? METRICS.cardHeader + 16 : METRICS.cardHeader + 2 * METRICS.barRow + METRICS.podsLabel + 16))
    .text((d) => emptyText(d.node));
}
