import { easeCubicInOut, select, type Selection } from 'd3';
import { setAttr, setText } from '../glyphs/dom';
import type { MeshLink, PlacedGroup, PlacedMachine, PlacedService, PlacedSwarmNode, PlacedTask, SwarmLayout } from './swarmLayout';
import { SWARM_METRICS as M } from './swarmLayout';
import { enterSwarmNode, updateSwarmNode } from './swarmNodeGlyph';
import { enterSwarmService, updateSwarmService } from './swarmServiceGlyph';
import { enterSwarmTask, updateSwarmTask } from './swarmTaskGlyph';
import { swarmText } from './swarmText';
import './swarm.css';

/** What a learner selected in the Swarm drawing. */
export interface SwarmPick {
  readonly kind: 'node' | 'task' | 'service';
  readonly key: string;
}

export interface SwarmRenderOptions {
  /** The selected node, task or service (by key). */
  readonly selectedKey?: string;
  /** Length of a move (scaled with the playback speed: `transitionMs`). */
  readonly durationMs: number;
  readonly reducedMotion: boolean;
  readonly onSelect?: (pick: SwarmPick) => void;
}

/** Each drawing's latest options (the delegated handlers read them). */
const latest = new WeakMap<SVGSVGElement, SwarmRenderOptions>();
const drawnOnce = new WeakSet<SVGSVGElement>();
/** Where each task was last sent. */
const placed = new WeakMap<SVGGElement, string>();

const KIND: Record<string, SwarmPick['kind']> = { 'swarm-node': 'node', 'swarm-task': 'task', 'swarm-service': 'service' };

/** Builds the layers and binds the events once per SVG element. */
function setUp(svg: SVGSVGElement): void {
  const root = select(svg);
  const defs = root.append('defs');
  const hatch = defs.append('pattern').attr('id', 'kp-swarm-hatch').attr('width', 8).attr('height', 8).attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(45)');
  hatch.append('rect').attr('width', 3).attr('height', 8).attr('class', 'hatch-stroke');
  for (const layer of ['services', 'mesh', 'pending', 'nodes', 'machines', 'groups', 'links', 'chips', 'tasks']) root.append('g').attr('class', `layer-${layer}`);
  const pick = (target: EventTarget | null): SwarmPick | undefined => {
    const el = (target as Element | null)?.closest?.('[data-kind][data-key][role="button"]');
    const kind = el ? KIND[el.getAttribute('data-kind') ?? ''] : undefined;
    return kind && el ? { kind, key: el.getAttribute('data-key') ?? '' } : undefined;
  };
  svg.addEventListener('click', (e) => {
    const p = pick(e.target);
    if (p) latest.get(svg)?.onSelect?.(p);
  });
  svg.addEventListener('keydown', (e) => {
    const target = e.target as Element;
    if (e.key === 'Enter' || e.key === ' ') {
      const p = pick(target);
      if (!p) return;
      e.preventDefault();
      latest.get(svg)?.onSelect?.(p);
      return;
    }
    // Tasks are one tab stop: the arrow keys move between them (as between pods).
    if (!target.classList.contains('stask') || !['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    const tasks = [...svg.querySelectorAll<SVGGElement>('.layer-tasks .stask:not(.is-leaving)')];
    const i = tasks.indexOf(target as SVGGElement);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? tasks.length - 1 : e.key === 'ArrowRight' || e.key === 'ArrowDown' ? Math.min(tasks.length - 1, i + 1) : Math.max(0, i - 1);
    if (next === i || !tasks[next]) return;
    e.preventDefault();
    for (const t of tasks) t.setAttribute('tabindex', '-1');
    tasks[next].setAttribute('tabindex', '0');
    tasks[next].focus();
  });
}

/**
 * Draws the swarm's layout into `svg` (d3 owns everything inside it): the
 * services' band, the routing mesh and its lines, pending tasks, node boxes
 * with their service groups, and the tasks. A new task appears above its
 * node and moves into place; an ended task fades and shrinks away.
 */
export function renderSwarm(svg: SVGSVGElement, layout: SwarmLayout, options: SwarmRenderOptions): void {
  if (!svg.querySelector('.layer-tasks')) setUp(svg);
  latest.set(svg, options);
  const first = !drawnOnce.has(svg);
  drawnOnce.add(svg);
  const root = select(svg);
  setAttr(svg, 'width', layout.width);
  setAttr(svg, 'height', layout.height);
  setAttr(svg, 'viewBox', `0 0 ${layout.width} ${layout.height}`);
  const duration = first ? 0 : options.durationMs;
  const words = swarmText();

  root
    .select<SVGGElement>('.layer-services')
    .selectAll<SVGGElement, PlacedService>('g.sservice')
    .data(layout.services, (d) => d.service.key)
    .join(enterSwarmService)
    .call(updateSwarmService, options.selectedKey);

  // The routing mesh: a bar over the nodes, its published ports reaching every node.
  const mesh = root.select<SVGGElement>('.layer-mesh').selectAll<SVGGElement, NonNullable<SwarmLayout['mesh']>>('g.smesh').data(layout.mesh ? [layout.mesh] : []);
  const meshEnter = mesh.enter().append('g').attr('class', 'smesh').attr('aria-hidden', 'true');
  meshEnter.append('rect').attr('class', 'smesh-bar').attr('rx', 8);
  meshEnter.append('text').attr('class', 'smesh-text').attr('x', 12).attr('y', 19);
  mesh.exit().remove();
  meshEnter.merge(mesh).each(function (d) {
    const bar = this.querySelector('.smesh-bar');
    setAttr(bar, 'x', d.box.x);
    setAttr(bar, 'y', d.box.y);
    setAttr(bar, 'width', d.box.width);
    setAttr(bar, 'height', d.box.height);
    this.classList.toggle('is-thin', d.thin);
    const text = this.querySelector('.smesh-text');
    setAttr(text, 'x', d.box.x + 12);
    setAttr(text, 'y', d.box.y + 19);
    setText(text, `${words.routingMesh} · ${d.ports.map((p) => words.meshPort(p)).join(' · ')}`);
  });

  // Each node's chip: the published ports listen on every node.
  const chipText = layout.mesh ? layout.mesh.ports.map((p) => `:${p}`).join(' ') : '';
  const chipWidth = 14 + chipText.length * 6.6;
  root
    .select<SVGGElement>('.layer-chips')
    .selectAll<SVGGElement, SwarmLayout['chips'][number]>('g.schip')
    .data(layout.chips, (d) => d.key)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'schip').attr('aria-hidden', 'true');
      g.append('rect').attr('class', 'schip-box').attr('rx', 8).attr('height', M.chipHeight);
      g.append('text').attr('class', 'schip-text').attr('y', 12);
      return g;
    })
    .each((d, i, all) => {
      const g = all[i];
      setAttr(g, 'transform', `translate(${d.x - chipWidth / 2},${d.y - M.chipHeight / 2})`);
      setAttr(g.querySelector('.schip-box'), 'width', chipWidth);
      const text = g.querySelector('.schip-text');
      setAttr(text, 'x', chipWidth / 2);
      setText(text, chipText);
    });

  root
    .select<SVGGElement>('.layer-links')
    .selectAll<SVGPathElement, MeshLink>('path.smesh-link')
    .data(layout.meshLinks, (d) => d.key)
    .join((enter) => {
      const path = enter.append('path').attr('class', (d) => `smesh-link is-${d.kind}`).attr('opacity', 0);
      path.transition().duration(duration).attr('opacity', 1);
      return path;
    })
    .each(function (d) {
      setAttr(this, 'd', `M${d.points.map((p) => `${p.x},${p.y}`).join('L')}`);
    });

  const pending = root.select<SVGGElement>('.layer-pending').selectAll<SVGGElement, NonNullable<SwarmLayout['pending']>>('g.spending').data(layout.pending ? [layout.pending] : []);
  const pendingEnter = pending.enter().append('g').attr('class', 'spending').attr('aria-hidden', 'true');
  pendingEnter.append('rect').attr('class', 'queue-box').attr('rx', 8);
  pendingEnter.append('text').attr('class', 'queue-label');
  pending.exit().remove();
  pendingEnter.merge(pending).each(function (d) {
    const box = this.querySelector('.queue-box');
    for (const [k, v] of Object.entries(d.box)) setAttr(box, k, v);
    const label = this.querySelector('.queue-label');
    setAttr(label, 'x', d.box.x + M.cardPad);
    setAttr(label, 'y', d.box.y + 15);
    setText(label, words.pending);
  });

  root
    .select<SVGGElement>('.layer-nodes')
    .selectAll<SVGGElement, PlacedSwarmNode>('g.snode')
    .data(layout.nodes, (d) => d.node.key)
    .join(enterSwarmNode)
    .call(updateSwarmNode, options.selectedKey);

  // Machines outside the swarm: a dashed card, its name, and how it joins.
  root
    .select<SVGGElement>('.layer-machines')
    .selectAll<SVGGElement, PlacedMachine>('g.smachine')
    .data(layout.machines, (d) => d.machine.key)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'smachine').attr('role', 'group');
      g.append('rect').attr('class', 'smachine-card').attr('rx', 10);
      g.append('text').attr('class', 'node-name').attr('x', M.cardPad).attr('y', 23);
      g.append('text').attr('class', 'node-meta').attr('x', M.cardPad).attr('y', 41);
      g.append('text').attr('class', 'smachine-hint').attr('x', M.cardPad).attr('y', 61);
      return g;
    })
    .each((d, i, all) => {
      const g = all[i];
      setAttr(g, 'transform', `translate(${d.box.x},${d.box.y})`);
      setAttr(g, 'data-key', d.machine.key);
      setAttr(g, 'aria-label', d.machine.label);
      const card = g.querySelector('.smachine-card');
      setAttr(card, 'width', d.box.width);
      setAttr(card, 'height', d.box.height);
      setText(g.querySelector('.node-name'), d.machine.hostname);
      setText(g.querySelector('.node-meta'), words.outsideMeta);
      // Cut by characters (never measured) to the card's width.
      const hint = words.outsideHint;
      const room = Math.floor((d.box.width - 2 * M.cardPad) / 6.2);
      setText(g.querySelector('.smachine-hint'), hint.length > room ? `${hint.slice(0, Math.max(0, room - 1))}…` : hint);
    });

  root
    .select<SVGGElement>('.layer-groups')
    .selectAll<SVGGElement, PlacedGroup>('g.sgroup')
    .data(layout.groups, (d) => d.key)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'sgroup').attr('aria-hidden', 'true');
      g.append('rect').attr('class', 'sgroup-box').attr('rx', 8);
      g.append('text').attr('class', 'sgroup-name').attr('x', 8).attr('y', 12);
      return g;
    })
    .each(function (d) {
      setAttr(this, 'transform', `translate(${d.box.x},${d.box.y})`);
      const box = this.querySelector('.sgroup-box');
      setAttr(box, 'width', d.box.width);
      setAttr(box, 'height', d.box.height);
      setAttr(box, 'class', `sgroup-box rev-${d.hue % 6}`);
      // Cut by characters to the group's width (side by side, groups are as narrow as one task), keeping
      // the end: a stack's services share their start (vote_db, vote_redis), and differ at the end.
      const room = Math.max(2, Math.floor((d.box.width - 12) / 6.2));
      setText(this.querySelector('.sgroup-name'), d.name.length > room ? `…${d.name.slice(d.name.length - room + 1)}` : d.name);
    });

  drawTasks(root.select<SVGGElement>('.layer-tasks'), layout, options, duration);
}

/** Tasks: enter above their node and move in; update their look; leave fading and shrinking. */
function drawTasks(layer: Selection<SVGGElement, unknown, null, undefined>, layout: SwarmLayout, options: SwarmRenderOptions, duration: number): void {
  const nodeTop = new Map(layout.nodes.map((n) => [n.node.key, n.box.y]));
  const startY = layout.mesh ? layout.mesh.box.y : M.pad;
  const joined = layer
    .selectAll<SVGGElement, PlacedTask>('g.stask')
    .data(layout.tasks, (d) => d.task.key)
    .join(
      (enter) =>
        enterSwarmTask(enter)
          // Appears where the managers are (over its node, or the pending box) and moves to its place.
          .attr('transform', (d) => `translate(${d.x},${options.reducedMotion || !d.nodeKey ? d.y : Math.min(d.y, (nodeTop.get(d.nodeKey) ?? startY) - M.task)})`)
          .attr('opacity', 0),
      (update) => update,
      (exit) => {
        exit.classed('is-leaving', true).attr('role', null).attr('tabindex', null).attr('aria-label', null);
        exit.transition().duration(duration).ease(easeCubicInOut).attr('opacity', 0).remove();
        return exit;
      },
    );
  joined.call(updateSwarmTask, options.selectedKey, options.reducedMotion);
  // Only a task whose place changed moves (nothing moves without a state change behind it).
  joined
    .filter(function (d) {
      const to = `${d.x},${d.y}`;
      if (placed.get(this) === to) return false;
      placed.set(this, to);
      return true;
    })
    .transition()
    .duration(duration)
    .ease(easeCubicInOut)
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
    .attr('opacity', 1);
  // One tab stop among the tasks: the selected one, else the first.
  const nodes = joined.nodes();
  const stop = nodes.find((n) => n.getAttribute('data-key') === options.selectedKey) ?? nodes.find((n) => n.getAttribute('tabindex') === '0') ?? nodes[0];
  for (const n of nodes) setAttr(n, 'tabindex', n === stop ? 0 : -1);
}
