import type { Box } from '../layout/box';
import type { OutsideMachineView, SwarmNodeView, SwarmServiceView, SwarmView, TaskView } from './swarmModel';

/** Sizes of the Swarm drawing (px), in the Kubernetes drawing's proportions. */
export const SWARM_METRICS = {
  pad: 16,
  gap: 14,
  serviceWidth: 268,
  serviceHeight: 78,
  /** Extra height of a service card showing an update's progress. */
  updateRow: 22,
  meshHeight: 30,
  /** The space between the mesh and the node boxes, where its lines run. */
  meshGap: 26,
  minCardWidth: 230,
  maxCardWidth: 400,
  cardHeader: 50,
  barRow: 19,
  tasksLabel: 22,
  cardPad: 12,
  task: 26,
  /** A task's cell: its square and its slot under it. */
  cellWidth: 40,
  cellHeight: 42,
  groupPad: 6,
  groupLabel: 16,
  groupGap: 8,
  pendingHeight: 74,
  /** The published ports' chip on each node's top edge (the port listens on every node). */
  chipHeight: 16,
  /** Side by side: services as one-line chips, the mesh as a thin line, narrower node boxes. */
  serviceChipMin: 124,
  serviceChipHeight: 24,
  chipGap: 6,
  thinMesh: 6,
  thinMeshGap: 20,
  compactCardWidth: 120,
  /** Bare boxes: the groups' inset from the box's sides, and the gap between groups side by side. */
  bareCardPad: 8,
  flowGap: 4,
  /** A machine outside the swarm: its name and state, and a line on how it joins. */
  outsideHeight: 74,
} as const;

const M = SWARM_METRICS;

export interface PlacedTask {
  readonly task: TaskView;
  /** Its service's hue (the outline's, the card's edge). */
  readonly hue: number;
  /** Top-left of the task's square. */
  readonly x: number;
  readonly y: number;
  /** The node box it sits in (undefined: pending). */
  readonly nodeKey: string | undefined;
}

/** A service's tasks on one node, outlined together. */
export interface PlacedGroup {
  readonly key: string;
  readonly serviceKey: string;
  readonly name: string;
  readonly hue: number;
  readonly box: Box;
}

export interface PlacedSwarmNode {
  readonly node: SwarmNodeView;
  readonly box: Box;
  /** Side by side: no reservation bars or tasks row label; the groups sit right under the header, side by side. */
  readonly bare?: boolean;
}

/** A machine outside the swarm, after the node boxes. */
export interface PlacedMachine {
  readonly machine: OutsideMachineView;
  readonly box: Box;
}

export interface PlacedService {
  readonly service: SwarmServiceView;
  readonly box: Box;
  /** A one-line chip (side by side): name, running/desired, image tag. */
  readonly chip?: boolean;
}

export interface SwarmLayoutOptions {
  /** Beside the Kubernetes view: service chips, a thin mesh, compact node boxes packed to fit. */
  readonly sideBySide?: boolean;
}

/** A line of the routing mesh: from the mesh bar to a running task of a service publishing a port, or down to a node (the port on every node). */
export interface MeshLink {
  readonly key: string;
  readonly kind: 'node' | 'task';
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface SwarmLayout {
  readonly width: number;
  readonly height: number;
  readonly services: readonly PlacedService[];
  /** The routing mesh's bar, when a service publishes a port in ingress mode. */
  readonly mesh: { readonly box: Box; readonly ports: readonly number[]; /** Side by side: a thin line, its ports on the nodes' chips. */ readonly thin: boolean } | undefined;
  /** Where each node shows the mesh's ports (the middle of its top edge), when there is a mesh. */
  readonly chips: readonly { readonly key: string; readonly x: number; readonly y: number }[];
  readonly meshLinks: readonly MeshLink[];
  readonly pending: { readonly box: Box } | undefined;
  readonly nodes: readonly PlacedSwarmNode[];
  readonly machines: readonly PlacedMachine[];
  readonly groups: readonly PlacedGroup[];
  readonly tasks: readonly PlacedTask[];
}

/** Tasks per row in a group of the given inner width. */
function perRow(inner: number): number {
  return Math.max(1, Math.floor(inner / M.cellWidth));
}

/** Groups of consecutive tasks of the same service (the model sorts a node's tasks by service). */
function groupsOf(tasks: readonly TaskView[]): TaskView[][] {
  const out: TaskView[][] = [];
  for (const t of tasks) {
    const last = out.at(-1);
    if (last && last[0].serviceKey === t.serviceKey) last.push(t);
    else out.push([t]);
  }
  return out;
}

function groupHeight(count: number, inner: number): number {
  return M.groupPad + M.groupLabel + Math.ceil(count / perRow(inner - 2 * M.groupPad)) * M.cellHeight;
}

/** A group's width when groups sit side by side (bare boxes): as wide as its tasks' row. */
function flowWidth(count: number, inner: number): number {
  return Math.min(inner, 2 * M.groupPad + Math.min(count, perRow(inner - 2 * M.groupPad)) * M.cellWidth);
}

/** Groups side by side, wrapping at `inner`: each group's offset from the first's, and the height they take. */
function flowGroups(groups: readonly TaskView[][], inner: number): { at: { x: number; y: number }[]; height: number } {
  const at: { x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const g of groups) {
    const w = flowWidth(g.length, inner);
    if (x > 0 && x + w > inner) {
      x = 0;
      y += rowHeight + M.groupGap;
      rowHeight = 0;
    }
    at.push({ x, y });
    x += w + M.flowGap;
    rowHeight = Math.max(rowHeight, groupHeight(g.length, inner));
  }
  return { at, height: y + rowHeight };
}

/** Height of a node box holding `tasks` at `width` (bare: groups side by side right under the header). */
export function nodeHeight(tasks: readonly TaskView[], width: number, bare = false): number {
  const groups = groupsOf(tasks);
  if (bare) return M.cardHeader + (groups.length === 0 ? 24 : flowGroups(groups, width - 2 * M.bareCardPad).height) + M.bareCardPad;
  const inner = width - 2 * M.cardPad;
  const body = groups.length === 0 ? 24 : groups.reduce((h, g) => h + groupHeight(g.length, inner) + M.groupGap, 0);
  return M.cardHeader + 2 * M.barRow + M.tasksLabel + body + M.cardPad - (groups.length > 0 ? M.groupGap : 0);
}

/**
 * Places the swarm for a drawing `width` px wide: the services' band, the
 * routing mesh under it, the pending tasks, then the node boxes in a grid
 * (rows as tall as their tallest box) with each service's tasks outlined
 * together inside them.
 */
export function layoutSwarm(view: SwarmView, width: number, options: SwarmLayoutOptions = {}): SwarmLayout {
  const sbs = options.sideBySide === true;
  const w = Math.max(width, M.minCardWidth + 2 * M.pad);
  const inner = w - 2 * M.pad;
  let y: number = M.pad;

  // The services' band: cards in rows (side by side, chips).
  const services: PlacedService[] = [];
  if (sbs) y = placeServiceChips(view.services, inner, y, services);
  else y = placeServiceCards(view, inner, y, services);

  // The routing mesh: one bar (side by side, a thin line), when some service publishes a port through it.
  const ports = [...new Set(view.services.flatMap((s) => s.ports.filter((p) => p.mode === 'ingress').map((p) => p.published)))].sort((a, b) => a - b);
  const meshHeight = sbs ? M.thinMesh : M.meshHeight;
  const mesh = ports.length > 0 ? { box: { x: M.pad, y, width: inner, height: meshHeight }, ports, thin: sbs } : undefined;
  if (mesh) y += meshHeight + (sbs ? M.thinMeshGap : M.meshGap);
  else if (services.length > 0) y += 4;
  return placeRest(view, w, inner, y, services, mesh, sbs);
}

/** The services' band: cards in rows. Returns the y under it. */
function placeServiceCards(view: SwarmView, inner: number, y: number, services: PlacedService[]): number {
  const serviceCols = Math.max(1, Math.floor((inner + M.gap) / (M.serviceWidth + M.gap)));
  const serviceWidth = Math.min(M.serviceWidth + 60, (inner - (serviceCols - 1) * M.gap) / serviceCols);
  const anyUpdate = view.services.some((s) => s.update && s.update.state !== 'completed');
  const serviceHeight = M.serviceHeight + (anyUpdate || view.services.some((s) => s.update) ? M.updateRow : 0);
  view.services.forEach((service, i) => {
    const col = i % serviceCols;
    const row = Math.floor(i / serviceCols);
    services.push({ service, box: { x: M.pad + col * (serviceWidth + M.gap), y: y + row * (serviceHeight + M.gap), width: serviceWidth, height: serviceHeight } });
  });
  return services.length > 0 ? y + Math.ceil(services.length / serviceCols) * (serviceHeight + M.gap) : y;
}

/** Side by side: the services as one-line chips in equal columns. Returns the y under them. */
function placeServiceChips(list: readonly SwarmServiceView[], inner: number, y: number, services: PlacedService[]): number {
  const cols = Math.max(1, Math.floor((inner + M.chipGap) / (M.serviceChipMin + M.chipGap)));
  const column = (inner - (cols - 1) * M.chipGap) / cols;
  list.forEach((service, i) => {
    const box = { x: M.pad + (i % cols) * (column + M.chipGap), y: y + Math.floor(i / cols) * (M.serviceChipHeight + M.chipGap), width: column, height: M.serviceChipHeight };
    services.push({ service, box, chip: true });
  });
  return list.length > 0 ? y + Math.ceil(list.length / cols) * (M.serviceChipHeight + M.chipGap) + M.gap - M.chipGap : y;
}

/** Pending tasks, then the node grid with each service's tasks outlined together. */
function placeRest(view: SwarmView, w: number, inner: number, y0: number, services: PlacedService[], mesh: SwarmLayout['mesh'], sbs: boolean): SwarmLayout {
  let y = y0;
  const hue = new Map(view.services.map((s) => [s.key, s.hue]));
  const serviceName = new Map(view.services.map((s) => [s.key, s.name]));

  // Tasks no node holds yet float in a dashed box above the nodes (as unscheduled pods under the control plane).
  const tasks: PlacedTask[] = [];
  let pending: SwarmLayout['pending'];
  if (view.pending.length > 0) {
    const per = perRow(inner - 2 * M.cardPad);
    const height = M.groupLabel + M.cardPad + Math.ceil(view.pending.length / per) * M.cellHeight;
    pending = { box: { x: M.pad, y, width: inner, height } };
    view.pending.forEach((task, i) => {
      tasks.push({ task, hue: hue.get(task.serviceKey) ?? 0, nodeKey: undefined, x: M.pad + M.cardPad + (i % per) * M.cellWidth + (M.cellWidth - M.task) / 2, y: y + M.groupLabel + 6 + Math.floor(i / per) * M.cellHeight });
    });
    y += height + M.gap;
  }

  // The node grid.
  const least = sbs ? M.compactCardWidth : M.minCardWidth;
  const fit = Math.max(1, Math.floor((inner + M.gap) / (least + M.gap)));
  const cols = Math.max(1, Math.min(view.nodes.length, fit));
  const cardWidth = Math.min(M.maxCardWidth, (inner - (cols - 1) * M.gap) / cols);
  const nodes: PlacedSwarmNode[] = [];
  const groups: PlacedGroup[] = [];
  for (let start = 0; start < view.nodes.length; start += cols) {
    const row = view.nodes.slice(start, start + cols);
    const height = Math.max(...row.map((n) => nodeHeight(n.tasks, cardWidth, sbs)));
    row.forEach((node, col) => {
      const box = { x: M.pad + col * (cardWidth + M.gap), y, width: cardWidth, height };
      nodes.push(sbs ? { node, box, bare: true } : { node, box });
      const top = y + M.cardHeader + (sbs ? 0 : 2 * M.barRow + M.tasksLabel);
      const inset = sbs ? M.bareCardPad : M.cardPad;
      const gInner = cardWidth - 2 * inset;
      const list = groupsOf(node.tasks);
      // Stacked full width, or (bare) side by side as wide as their tasks.
      let stacked = top;
      const flow = sbs ? flowGroups(list, gInner).at : undefined;
      list.forEach((g, gi) => {
        const gh = groupHeight(g.length, gInner);
        const gx = box.x + inset + (flow ? flow[gi].x : 0);
        const gy = flow ? top + flow[gi].y : stacked;
        const gw = flow ? flowWidth(g.length, gInner) : gInner;
        const serviceKey = g[0].serviceKey;
        groups.push({ key: `${node.key}/${serviceKey}`, serviceKey, name: serviceName.get(serviceKey) ?? '', hue: hue.get(serviceKey) ?? 0, box: { x: gx, y: gy, width: gw, height: gh } });
        const per = perRow(gInner - 2 * M.groupPad);
        g.forEach((task, i) => {
          tasks.push({
            task,
            hue: hue.get(serviceKey) ?? 0,
            nodeKey: node.key,
            x: gx + M.groupPad + (i % per) * M.cellWidth + (M.cellWidth - M.task) / 2,
            y: gy + M.groupLabel + Math.floor(i / per) * M.cellHeight,
          });
        });
        stacked += gh + M.groupGap;
      });
    });
    y += height + M.gap;
  }

  // Machines outside the swarm: short cards in the nodes' columns (as many columns as fit when there is no node).
  const machines: PlacedMachine[] = [];
  const mcols = view.nodes.length > 0 ? cols : Math.min(view.machines.length, fit);
  const mwidth = view.nodes.length > 0 ? cardWidth : Math.min(M.maxCardWidth, (inner - (mcols - 1) * M.gap) / Math.max(1, mcols));
  view.machines.forEach((machine, i) => {
    if (i > 0 && i % mcols === 0) y += M.outsideHeight + M.gap;
    machines.push({ machine, box: { x: M.pad + (i % mcols) * (mwidth + M.gap), y, width: mwidth, height: M.outsideHeight } });
  });
  if (machines.length > 0) y += M.outsideHeight + M.gap;

  const chips = mesh ? nodes.map((n) => ({ key: n.node.key, x: n.box.x + n.box.width / 2, y: n.box.y })) : [];
  return { width: w, height: y - M.gap + M.pad, services, mesh, chips, meshLinks: mesh ? meshLinks(mesh.box, nodes, tasks, view) : [], pending, nodes, machines, groups, tasks };
}

/** The mesh's lines: down to every node (the port listens there), and to each running task of a service that publishes through it. */
function meshLinks(bar: Box, nodes: readonly PlacedSwarmNode[], tasks: readonly PlacedTask[], view: SwarmView): MeshLink[] {
  const published = new Set(view.services.filter((s) => s.ports.some((p) => p.mode === 'ingress')).map((s) => s.key));
  const bottom = bar.y + bar.height;
  // Down to each node of the first row (lower rows carry the port on their chip: a line would cross the boxes above).
  const firstRow = Math.min(...nodes.map((n) => n.box.y));
  const links: MeshLink[] = nodes
    .filter((n) => n.box.y === firstRow)
    .map((n) => {
      const x = n.box.x + n.box.width / 2;
      return { key: `node:${n.node.key}`, kind: 'node', points: [{ x, y: bottom }, { x, y: n.box.y - M.chipHeight / 2 }] };
    });
  const boxOf = new Map(nodes.map((n) => [n.node.key, n.box]));
  for (const t of tasks) {
    const box = t.nodeKey ? boxOf.get(t.nodeKey) : undefined;
    if (!box || !published.has(t.task.serviceKey) || t.task.state !== 'running' || t.task.desired !== 'running' || t.task.look !== 'ready') continue;
    // Down the card's left margin (clear of its text), then across into the task's row: a bus per node.
    const x = box.x + M.cardPad / 2;
    const y = t.y + M.task / 2;
    links.push({ key: `task:${t.task.key}`, kind: 'task', points: [{ x, y: bottom }, { x, y }, { x: t.x, y }] });
  }
  return links;
}
