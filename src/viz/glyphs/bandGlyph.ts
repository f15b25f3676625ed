import type { Selection } from 'd3';
import { BAND_COMPONENTS, COMPONENT_TEXT, CONTROLLERS, type BandComponent, type NoteLine } from '../model/controlPlane';
import type { BandLayout } from '../layout/bandLayout';
import { vizText } from '../text';
import { setAttr, setText } from './dom';

type Root = Selection<SVGGElement, unknown, null, undefined>;
type Group = Selection<SVGGElement, unknown, null, undefined>;

/** What the band shows besides its layout. */
export interface BandState {
  readonly layout: BandLayout;
  /** The latest note from a component, if any. */
  readonly note: NoteLine | undefined;
  /** Pods waiting for the scheduler. */
  readonly queued: number;
}

/**
 * The control plane as components in a band: a box per component (the
 * controller-manager lists its controllers), the bus under them, the latest
 * note, and the scheduling queue's frame. Built once, updated in place.
 */
export function renderBand(layer: Root, state: BandState): void {
  const { layout } = state;
  if (layer.select('rect.band-box').empty()) enterBand(layer);
  // Left out (side by side): only the scheduling queue shows.
  const el0 = layer.node();
  if (el0) {
    el0.classList.toggle('is-bare', layout.bare);
    setAttr(el0, 'aria-hidden', layout.bare ? 'true' : null);
  }
  // The geometry changes only with the drawing's width and the queue: skip it otherwise.
  const geometry = JSON.stringify([layout, state.queued]);
  const el = layer.node();
  if (el && drawnGeometry.get(el) !== geometry) {
    drawnGeometry.set(el, geometry);
    drawGeometry(layer, state);
  }
  const note = state.note;
  const who = note ? `${note.actor}: ` : vizText().waitingForChange;
  const what = note ? note.text : vizText().waitingHint;
  setAttr(layer.select<SVGTextElement>('text.band-message').node(), 'data-seq', note?.seq ?? null);
  // A monospace line changes with every note: cut it by characters instead of measuring it each time.
  const room = Math.max(8, Math.floor(layout.message.width / MONO_CHAR) - who.length);
  setText(layer.select<SVGTSpanElement>('tspan.band-message-who').node(), who);
  setText(layer.select<SVGTSpanElement>('tspan.band-message-text').node(), what.length > room ? `${what.slice(0, room - 1)}…` : what);
}

/** What each band's geometry was last drawn for. */
const drawnGeometry = new WeakMap<Element, string>();

function drawGeometry(layer: Root, state: BandState): void {
  const { layout } = state;
  layer
    .select('rect.band-box')
    .attr('x', layout.box.x)
    .attr('y', layout.box.y)
    .attr('width', layout.box.width)
    .attr('height', layout.box.height);
  const xs = Object.values(layout.anchors).map((a) => a.x);
  layer
    .select('line.band-bus')
    .attr('x1', Math.min(...xs))
    .attr('x2', Math.max(...xs))
    .attr('y1', layout.busY)
    .attr('y2', layout.busY);
  for (const id of BAND_COMPONENTS) {
    const box = layout.components[id];
    const g = layer.select<SVGGElement>(`g.component[data-key="${id}"]`).attr('transform', `translate(${box.x},${box.y})`);
    g.select('rect.component-box').attr('width', box.width).attr('height', box.height);
    const anchor = layout.anchors[id];
    g.select('line.component-stem')
      .attr('x1', anchor.x - box.x)
      .attr('x2', anchor.x - box.x)
      .attr('y1', anchor.y - box.y)
      .attr('y2', layout.busY - box.y);
    fitText(g.select<SVGTextElement>('text.component-title').node(), COMPONENT_TEXT[id].title, box.width - 16);
    if (id === 'controller-manager') layoutControllers(g, box.width - 16);
    else fitText(g.select<SVGTextElement>('text.component-role').node(), roleText(id, state.queued), box.width - 16, 10.5);
  }
  layer.select('text.band-message').attr('x', layout.message.x).attr('y', layout.message.y);
  const queue = layer.selectAll<SVGGElement, BandLayout['queue']>('g.queue').data(layout.queue ? [layout.queue] : []);
  const entered = queue.enter().append('g').attr('class', 'queue');
  entered.append('rect').attr('class', 'queue-box').attr('rx', 8);
  entered.append('text').attr('class', 'queue-label').attr('x', 8).attr('y', 14).text(vizText().schedulingQueue);
  queue
    .merge(entered)
    .attr('transform', (d) => `translate(${d!.x},${d!.y})`)
    .select('rect')
    .attr('width', (d) => d!.width)
    .attr('height', (d) => d!.height);
  queue.exit().remove();
}

function enterBand(layer: Root): void {
  layer.attr('role', 'group').attr('aria-label', vizText().controlPlane);
  layer.append('rect').attr('class', 'band-box').attr('rx', 10);
  layer.append('line').attr('class', 'band-bus');
  for (const id of BAND_COMPONENTS) {
    const g = layer
      .append('g')
      .attr('class', `component component-${id}`)
      .attr('data-kind', 'component')
      .attr('data-key', id)
      .attr('role', 'img')
      .attr('aria-label', `${COMPONENT_TEXT[id].title}: ${vizText().componentRole[id]}`);
    g.append('line').attr('class', 'component-stem');
    g.append('rect').attr('class', 'component-box').attr('rx', 8);
    g.append('text').attr('class', 'component-title').attr('x', 8).attr('y', 17);
    if (id === 'controller-manager') {
      const list = g.append('text').attr('class', 'component-controllers').attr('x', 8).attr('y', 31);
      for (const c of CONTROLLERS) list.append('tspan').attr('class', 'controller').attr('data-actor', c.actor).text(c.short);
    } else {
      g.append('text').attr('class', 'component-role').attr('x', 8).attr('y', 34);
    }
    if (id === 'etcd') g.select('rect.component-box').attr('rx', 14);
  }
  const message = layer.append('text').attr('class', 'band-message');
  message.append('tspan').attr('class', 'band-message-who');
  message.append('tspan').attr('class', 'band-message-text');
}

function roleText(id: BandComponent, queued: number): string {
  if (id === 'scheduler' && queued > 0) return vizText().podsWaiting(queued);
  return vizText().componentRole[id];
}

/** Advance of one character of the band's 12 px monospace line (a little over, so the line never overflows). */
const MONO_CHAR = 7.4;

/** What each text element was last fitted to: measuring forces a layout, so it happens only on change. */
const fitted = new WeakMap<Element, string>();

/**
 * The widest a text can be at a font size, without measuring: 0.72 em per
 * character (1 em for CJK and other wide characters). Bold 13 px Latin text
 * averages well under that.
 */
export function widthBound(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.72;
  return em * fontPx;
}

/**
 * Sets the text, cut with an ellipsis to about `width` pixels. Measured only
 * when it may not fit (`widthBound` at `fontPx`) and only once per change:
 * measuring forces a layout in the middle of the frame.
 */
export function fitText(el: SVGTextContentElement | null, text: string, width: number, fontPx = 13): void {
  if (!el) return;
  const key = `${Math.round(width)}|${text}`;
  if (fitted.get(el) === key) return;
  fitted.set(el, key);
  setText(el, text);
  if (widthBound(text, fontPx) <= width) return;
  const measure = () => (typeof el.getComputedTextLength === 'function' ? el.getComputedTextLength() : el.textContent!.length * 6.5);
  if (measure() <= width) return;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    el.textContent = `${text.slice(0, mid)}…`;
    if (measure() <= width) lo = mid;
    else hi = mid - 1;
  }
  el.textContent = `${text.slice(0, lo)}…`;
}

/** Controllers as short names on two lines; those that do not fit are left out. */
function layoutControllers(g: Group, width: number): void {
  const el = g.node();
  if (!el || fitted.get(el) === String(Math.round(width))) return;
  fitted.set(el, String(Math.round(width)));
  const spans = g.selectAll<SVGTSpanElement, unknown>('tspan.controller').nodes();
  const widthOf = (span: SVGTSpanElement) => (typeof span.getComputedTextLength === 'function' ? span.getComputedTextLength() : (span.textContent ?? '').length * 5.6);
  let line = 0;
  let used = 0;
  for (const span of spans) {
    span.removeAttribute('display');
    const w = widthOf(span);
    if (used > 0 && used + 8 + w > width) {
      line++;
      used = 0;
    }
    if (line > 1) {
      span.setAttribute('display', 'none');
      continue;
    }
    span.setAttribute('x', String(8 + (used > 0 ? used + 8 : 0)));
    span.setAttribute('y', String(31 + line * 12));
    used += (used > 0 ? 8 : 0) + w;
  }
}
