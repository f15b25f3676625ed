import type { EnterElement, Selection } from 'd3';
import { formatCpu, formatMemory } from '../model/resources';
import { setAttr, setText } from '../glyphs/dom';
import { enterCardFrame, enterCardHead } from '../glyphs/machineCard';
import type { PlacedSwarmNode } from './swarmLayout';
import { SWARM_METRICS as M } from './swarmLayout';
import type { NodeUsage } from './swarmModel';
import { swarmText } from './swarmText';

type NodeSelection = Selection<SVGGElement, PlacedSwarmNode, SVGGElement, unknown>;

const BARS = [
  { key: 'cpu', label: () => 'CPU', format: (nano: number) => formatCpu(nano / 1e6) },
  { key: 'memory', label: () => swarmText().memory, format: formatMemory },
] as const;

/** Builds a node box's elements once. */
export function enterSwarmNode(sel: Selection<EnterElement, PlacedSwarmNode, SVGGElement, unknown>): NodeSelection {
  const g = sel.append('g').attr('class', 'node snode').attr('role', 'group').attr('data-kind', 'swarm-node');
  const meta = enterCardFrame(g, M, BARS);
  // Role and Raft status (Leader, Reachable, Unreachable), then availability and power.
  meta.append('tspan').attr('class', 'snode-role');
  meta.append('tspan').attr('class', 'snode-rest');
  meta.append('title').attr('class', 'snode-title');
  g.append('text').attr('class', 'node-empty').attr('x', M.cardPad).attr('y', M.cardHeader + 2 * M.barRow + M.tasksLabel + 14);
  enterCardHead(g, M, 'swarm-node');
  return g;
}

const ratio = (u: NodeUsage) => (u.capacity > 0 ? Math.min(1, u.reserved / u.capacity) : 0);

/** The pill at the top right: the dispatcher's word for the node (Ready, Down…). */
function pillText(d: PlacedSwarmNode): string {
  return d.node.status === 'Ready' ? '● Ready' : `⚠ ${d.node.status}`;
}

/** Applies a node's current state and size to its box. */
export function updateSwarmNode(sel: NodeSelection, selectedKey: string | undefined): void {
  const words = swarmText();
  sel.each((d, i, all) => {
    const g = all[i];
    const { node, box } = d;
    setAttr(g, 'transform', `translate(${box.x},${box.y})`);
    setAttr(g, 'data-key', node.key);
    setAttr(g, 'aria-label', node.label);
    g.classList.toggle('is-notready', node.status !== 'Ready');
    g.classList.toggle('is-stopped', node.stopped);
    g.classList.toggle('is-cordoned', node.availability !== 'Active');
    g.classList.toggle('is-selected', node.key === selectedKey);
    g.classList.toggle('is-manager', node.role === 'manager');
    g.classList.toggle('is-bare', d.bare === true);
    const head = g.querySelector('.node-head');
    setAttr(head, 'width', box.width);
    setAttr(head, 'data-key', node.key);
    setAttr(head, 'aria-label', node.label);
    setAttr(head, 'aria-expanded', String(node.key === selectedKey));
    setAttr(g.querySelector('.node-card'), 'width', box.width);
    setAttr(g.querySelector('.node-card'), 'height', box.height);
    setAttr(g.querySelector('.node-hatch'), 'width', box.width);
    const name = g.querySelector<SVGTextElement>('.node-name');
    setText(name, node.hostname);
    const role = g.querySelector('.snode-role');
    setText(role, node.managerStatus ? `manager · ${node.managerStatus}` : 'worker');
    // The whole line, uncut, on hover.
    setText(g.querySelector('.snode-title'), [role?.textContent, node.availability, node.stopped ? words.poweredOff : ''].filter(Boolean).join(' · '));
    role?.classList.toggle('is-leader', node.managerStatus === 'Leader');
    role?.classList.toggle('is-unreachable', node.managerStatus === 'Unreachable');
    // Cut by characters (never measured) to the box's width.
    const roleText = node.managerStatus ? `manager · ${node.managerStatus}` : 'worker';
    const room = Math.floor((box.width - 2 * M.cardPad) / 6.8) - roleText.length;
    const rest = ` · ${[node.availability, node.stopped ? words.poweredOff : ''].filter(Boolean).join(' · ')}`;
    setText(g.querySelector('.snode-rest'), rest.length > room ? `${rest.slice(0, Math.max(0, room - 1))}…` : rest);
    const pill = g.querySelector<SVGGElement>('.node-readiness');
    // A narrow box: the symbol alone (its shape is the second cue; the words are in the node's name and panel).
    const text = box.width < M.minCardWidth ? pillText(d).slice(0, 1) : pillText(d);
    const width = 20 + text.length * 6.6;
    setText(pill?.querySelector('.node-readiness-text') ?? null, text);
    setAttr(pill, 'transform', `translate(${box.width - M.cardPad - width},0)`);
    setAttr(pill?.querySelector('.node-readiness-pill') ?? null, 'width', width);
    setAttr(pill?.querySelector('.node-readiness-text') ?? null, 'x', width / 2);
    const barWidth = Math.max(40, box.width - 2 * M.cardPad - 62 - 100);
    for (const bar of BARS) {
      const row = g.querySelector(`.node-bar-${bar.key}`);
      const usage = node[bar.key];
      setAttr(row?.querySelector('.node-bar-track') ?? null, 'width', barWidth);
      setAttr(row?.querySelector('.node-bar-fill') ?? null, 'width', barWidth * ratio(usage));
      const value = row?.querySelector('.node-bar-value') ?? null;
      setAttr(value, 'x', box.width - 2 * M.cardPad);
      setText(value, `${bar.format(usage.reserved)} / ${bar.format(usage.capacity)}`);
    }
    setText(g.querySelector('.node-pods-label'), words.tasksOnNode(node.activeTasks));
    const empty = g.querySelector('.node-empty');
    setAttr(empty, 'y', d.bare ? M.cardHeader + 16 : M.cardHeader + 2 * M.barRow + M.tasksLabel + 14);
    setText(empty, node.tasks.length === 0 ? words.noTasks(node.availability) : '');
  });
}
