import { select, type Selection } from 'd3';
import type { PlacedWorkload } from '../layout/clusterLayout';
import type { DeploymentView, ServiceView } from '../model/workloads';
import { fitText, widthBound } from './bandGlyph';
import { vizText } from '../text';
import { setAttr, setText } from './dom';

type Layer = Selection<SVGGElement, unknown, null, undefined>;

export interface WorkloadOptions {
  /** `deployment:ns/name` or `service:ns/name` of the selected card. */
  readonly selectedKey: string | undefined;
  readonly onSelect: (workload: PlacedWorkload) => void;
}

/** Each layer's latest options, read by the cards' handlers. */
const latestOptions = new WeakMap<Element, WorkloadOptions>();

const PAD = 12;
const BAR_Y = 27;
const BAR_H = 10;
/** Where a Deployment card's name starts (after "DEPLOY"), and the least room it keeps before the state gives up its word. */
const NAME_X = 50;
const NAME_MIN = 60;

/**
 * Deployment and Service cards under the control plane. A Deployment shows
 * its rollout as a bar — the new revision's available pods, its pods not yet
 * available, the old revisions' pods — against ticks for desired replicas and
 * the surge and unavailability budget. A Service shows its address and how
 * many endpoints are ready.
 */
export function renderWorkloads(layer: Layer, workloads: readonly PlacedWorkload[], options: WorkloadOptions): void {
  const cards = layer.selectAll<SVGGElement, PlacedWorkload>('g.workload').data(workloads, (d) => d.key);
  const entered = cards
    .enter()
    .append('g')
    .attr('class', (d) => `workload workload-${d.kind}`)
    .attr('data-kind', (d) => d.kind)
    .attr('data-key', (d) => d.view.key);
  entered.append('rect').attr('class', 'workload-card').attr('rx', 10);
  entered.filter((d) => d.kind === 'deployment').each(function () {
    enterDeployment(this);
  });
  entered.filter((d) => d.kind === 'service').each(function () {
    enterService(this);
  });
  // The button is a transparent rectangle over the card (as a node's header is): its name says in
  // words what the card draws, and no drawn text sits inside it to disagree with that name.
  entered.append('rect').attr('class', 'workload-hit').attr('rx', 10).attr('role', 'button').attr('tabindex', 0);
  // Handlers are bound once; they read the latest options when an event comes.
  entered
    .select<SVGRectElement>('rect.workload-hit')
    .on('click', function (_event, d) {
      latestOptions.get(layer.node()!)?.onSelect(d);
    })
    .on('keydown', function (event: KeyboardEvent, d) {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      latestOptions.get(layer.node()!)?.onSelect(d);
    });
  const node = layer.node();
  if (node) latestOptions.set(node, options);
  const all = entered.merge(cards);
  all.each(function (d) {
    const selected = d.key === options.selectedKey;
    setAttr(this, 'transform', `translate(${d.box.x},${d.box.y})`);
    this.classList.toggle('is-selected', selected);
    const hit = this.querySelector('rect.workload-hit');
    // The hit's datum follows the card's (d3's select() does that; the handlers read it).
    select(hit!).datum(d);
    setAttr(hit, 'width', d.box.width);
    setAttr(hit, 'height', d.box.height);
    setAttr(hit, 'data-kind', d.kind);
    setAttr(hit, 'data-key', d.view.key);
    setAttr(hit, 'aria-label', d.view.label);
    setAttr(hit, 'aria-expanded', String(selected));
    setAttr(hit, 'aria-controls', selected ? 'inspector' : null);
    const card = this.querySelector('rect.workload-card');
    setAttr(card, 'width', d.box.width);
    setAttr(card, 'height', d.box.height);
    this.classList.toggle('is-chip', d.chip === true);
    if (d.chip) updateChip(this, d);
    else if (d.kind === 'deployment') updateDeployment(this, d.view, d.box.width);
    else updateService(this, d.view, d.box.width);
  });
  cards.exit().remove();
}

function append(parent: Element, tag: string, cls: string, attrs: Record<string, string | number> = {}): SVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  el.setAttribute('class', cls);
  // The card's button names it in words; its drawn texts and bars are for the eye.
  if (parent.classList.contains('workload')) el.setAttribute('aria-hidden', 'true');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  parent.appendChild(el);
  return el;
}

/**
 * A one-line chip (side by side): a Deployment's name and available/desired
 * pods, a Service's kind, name and ready endpoints; the rest is in its panel.
 */
function updateChip(g: SVGGElement, d: PlacedWorkload): void {
  const q = <T extends Element>(sel: string) => g.querySelector<T>(sel)!;
  const name = q<SVGTextElement>('.workload-name');
  const state = q<SVGTextElement>('.workload-state');
  const count = d.kind === 'deployment' ? `${d.view.available}/${d.view.desired}` : `● ${d.view.readyCount}`;
  setText(state, d.kind === 'deployment' && d.view.rolling ? `↻ ${count}` : count);
  setAttr(state, 'x', String(d.box.width - 6));
  setAttr(state, 'y', '15');
  setAttr(name, 'x', '6');
  setAttr(name, 'y', '15');
  if (d.kind === 'deployment') g.classList.toggle('is-rolling', d.view.rolling);
  // The count's 11 px digits take about 6.5 px each.
  fitText(name, d.view.name, d.box.width - 12 - 6.5 * count.length - 4, 12);
}

function enterDeployment(g: SVGGElement): void {
  append(g, 'text', 'workload-kind', { x: PAD, y: 17 }).textContent = 'deploy';
  append(g, 'text', 'workload-name', { x: PAD + NAME_X, y: 17 });
  append(g, 'text', 'workload-state', { y: 17 });
  const bar = append(g, 'g', 'rollout-bar', { transform: `translate(${PAD},${BAR_Y})` });
  append(bar, 'rect', 'rollout-track', { height: BAR_H, rx: 3 });
  append(bar, 'rect', 'rollout-surge', { height: BAR_H });
  append(bar, 'rect', 'rollout-old', { height: BAR_H });
  append(bar, 'rect', 'rollout-new', { height: BAR_H });
  append(bar, 'rect', 'rollout-pending', { height: BAR_H });
  append(bar, 'line', 'rollout-desired', { y1: -3, y2: BAR_H + 3 });
  append(bar, 'line', 'rollout-floor', { y1: -3, y2: BAR_H + 3 });
  append(g, 'text', 'workload-line workload-counts', { x: PAD, y: 53 });
  append(g, 'text', 'workload-line workload-budget', { x: PAD, y: 67 });
}

function updateDeployment(g: SVGGElement, d: DeploymentView, width: number): void {
  const inner = width - 2 * PAD;
  const q = <T extends Element>(sel: string) => g.querySelector<T>(sel)!;
  const state = q<SVGTextElement>('.workload-state');
  const stateText = vizText().deploymentState(d.state);
  const glyph = d.rolling ? '↻' : d.state === 'complete' ? '✓' : '';
  // The name comes first: on a narrow card (a phone, beside the inspector) a state with a glyph shows the glyph alone (the card's name in words keeps the word).
  const roomFor = (text: string) => inner - NAME_X - widthBound(text, 11) - 8;
  const full = glyph ? `${glyph} ${stateText}` : stateText;
  const shown = glyph && roomFor(full) < NAME_MIN ? glyph : full;
  setText(state, shown);
  setAttr(state, 'x', String(width - PAD));
  fitText(q<SVGTextElement>('.workload-name'), d.name, roomFor(shown));
  g.classList.toggle('is-rolling', d.rolling);
  // The bar's scale: room for desired + surge (or more, when more pods exist).
  const capacity = Math.max(1, d.desired + d.maxSurge, d.total);
  const px = (n: number) => (inner * n) / capacity;
  setAttr(q('.rollout-track'), 'width', String(inner));
  const surge = q('.rollout-surge');
  setAttr(surge, 'x', String(px(d.desired)));
  setAttr(surge, 'width', String(px(d.maxSurge)));
  let x = 0;
  const segment = (sel: string, n: number, hue: number | undefined) => {
    const el = q(sel);
    setAttr(el, 'x', String(x));
    setAttr(el, 'width', String(Math.max(0, px(n))));
    setAttr(el, 'class', `${sel.slice(1)}${hue !== undefined ? ` rev-${hue}` : ''}`);
    x += px(n);
  };
  segment('.rollout-new', d.newAvailable, d.hue);
  segment('.rollout-pending', d.newUnavailable, d.hue);
  segment('.rollout-old', d.old, d.oldHue);
  const tick = (sel: string, n: number) => {
    const el = q(sel);
    setAttr(el, 'x1', String(px(n)));
    setAttr(el, 'x2', String(px(n)));
  };
  tick('.rollout-desired', d.desired);
  tick('.rollout-floor', Math.max(0, d.desired - d.maxUnavailable));
  setAttr(q('.rollout-floor'), 'display', d.rolling ? 'inline' : 'none');
  fitText(q<SVGTextElement>('.workload-counts'), vizText().workloadCounts(d.desired, d.updated, d.available), inner, 11);
  const budget = d.strategy === 'RollingUpdate' ? vizText().rolloutBudget(d.maxSurge, d.maxUnavailable) : d.strategy;
  fitText(q<SVGTextElement>('.workload-budget'), d.rolling ? budget : `${vizText().revision(String(d.revision ?? '—'))} · ${budget}`, inner, 11);
}

function enterService(g: SVGGElement): void {
  append(g, 'text', 'workload-kind', { x: PAD, y: 17 }).textContent = 'svc';
  append(g, 'text', 'workload-name', { x: PAD + 30, y: 17 });
  // Empty on the card; a chip (side by side) writes its ready endpoints there.
  append(g, 'text', 'workload-state', { y: 17 });
  append(g, 'text', 'workload-line workload-address', { x: PAD, y: 35 });
  append(g, 'text', 'workload-line workload-ports', { x: PAD, y: 50 });
  const eps = append(g, 'text', 'workload-line workload-endpoints', { x: PAD, y: 67 });
  append(eps, 'tspan', 'endpoints-ready');
  append(eps, 'tspan', 'endpoints-excluded');
}

function updateService(g: SVGGElement, s: ServiceView, width: number): void {
  const inner = width - 2 * PAD;
  const q = <T extends Element>(sel: string) => g.querySelector<T>(sel)!;
  fitText(q<SVGTextElement>('.workload-name'), s.name, inner - 30);
  fitText(q<SVGTextElement>('.workload-address'), `${s.type} ${s.clusterIP}`, inner, 11);
  fitText(q<SVGTextElement>('.workload-ports'), s.ports || vizText().noPorts, inner, 11);
  const excluded = s.endpoints.length - s.readyCount;
  setText(q('.endpoints-ready'), `● ${vizText().readyEndpoints(s.readyCount)}`);
  setText(q('.endpoints-excluded'), excluded > 0 ? `  ○ ${vizText().notReadyEndpoints(excluded)}` : '');
}
