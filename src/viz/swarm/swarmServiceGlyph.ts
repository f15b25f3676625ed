import type { EnterElement, Selection } from 'd3';
import { setAttr, setText } from '../glyphs/dom';
import type { PlacedService } from './swarmLayout';
import { swarmText } from './swarmText';

type ServiceSelection = Selection<SVGGElement, PlacedService, SVGGElement, unknown>;

const PAD = 12;

/** Builds a service card once: kind and mode, name, replicas, image, ports, the update's bar. */
export function enterSwarmService(sel: Selection<EnterElement, PlacedService, SVGGElement, unknown>): ServiceSelection {
  const g = sel.append('g').attr('class', 'workload sservice').attr('data-kind', 'swarm-service');
  g.append('rect').attr('class', 'workload-card').attr('rx', 8);
  g.append('rect').attr('class', 'sservice-hue').attr('x', 0).attr('width', 4).attr('rx', 2);
  g.append('text').attr('class', 'workload-kind').attr('x', PAD).attr('y', 17);
  g.append('text').attr('class', 'workload-state').attr('y', 17);
  g.append('text').attr('class', 'workload-name').attr('x', PAD).attr('y', 35);
  g.append('text').attr('class', 'workload-line workload-address sservice-image').attr('x', PAD).attr('y', 52);
  g.append('text').attr('class', 'workload-line workload-ports sservice-ports').attr('x', PAD).attr('y', 68);
  const update = g.append('g').attr('class', 'sservice-update');
  update.append('rect').attr('class', 'rollout-track').attr('x', PAD).attr('y', 78).attr('height', 6).attr('rx', 3);
  update.append('rect').attr('class', 'sservice-update-done').attr('x', PAD).attr('y', 78).attr('height', 6).attr('rx', 3);
  update.append('text').attr('class', 'workload-line sservice-update-text').attr('x', PAD).attr('y', 96);
  g.append('rect').attr('class', 'workload-hit').attr('role', 'button').attr('tabindex', 0).attr('data-kind', 'swarm-service').attr('rx', 8);
  return g;
}

/** Applies a service's state to its card. */
export function updateSwarmService(sel: ServiceSelection, selectedKey: string | undefined): void {
  const words = swarmText();
  sel.each((d, i, all) => {
    const g = all[i];
    const { service: s, box } = d;
    const rolling = s.update !== undefined && (s.update.state === 'updating' || s.update.state === 'rollback_started');
    setAttr(g, 'transform', `translate(${box.x},${box.y})`);
    setAttr(g, 'data-key', s.key);
    g.classList.toggle('is-selected', s.key === selectedKey);
    g.classList.toggle('is-rolling', rolling);
    g.classList.toggle('is-paused', s.update?.state === 'paused' || s.update?.state === 'rollback_paused');
    for (const sel2 of ['.workload-card', '.workload-hit']) {
      setAttr(g.querySelector(sel2), 'width', box.width);
      setAttr(g.querySelector(sel2), 'height', box.height);
    }
    const hit = g.querySelector('.workload-hit');
    setAttr(hit, 'data-key', s.key);
    setAttr(hit, 'aria-label', s.label);
    setAttr(hit, 'aria-expanded', String(s.key === selectedKey));
    setAttr(g.querySelector('.sservice-hue'), 'height', box.height);
    setAttr(g.querySelector('.sservice-hue'), 'class', `sservice-hue rev-${s.hue % 6}`);
    g.classList.toggle('is-chip', d.chip === true);
    if (d.chip) {
      updateChip(g, d);
      return;
    }
    setText(g.querySelector('.workload-kind'), `service · ${s.mode}`);
    const state = g.querySelector('.workload-state');
    setAttr(state, 'x', box.width - PAD);
    setText(state, `${s.running}/${s.desired}`);
    setText(g.querySelector('.workload-name'), s.name);
    setText(g.querySelector('.sservice-image'), s.image);
    setText(g.querySelector('.sservice-ports'), s.ports.length > 0 ? s.ports.map((p) => `${p.published}:${p.target}/${p.protocol}${p.mode === 'host' ? ' (host)' : ''}`).join('  ') : words.noPorts);
    const update = g.querySelector<SVGGElement>('.sservice-update');
    setAttr(update, 'display', s.update ? null : 'none');
    if (s.update) {
      const track = box.width - 2 * PAD;
      setAttr(update?.querySelector('.rollout-track') ?? null, 'width', track);
      setAttr(update?.querySelector('.sservice-update-done') ?? null, 'width', s.update.total > 0 ? (track * s.update.updated) / s.update.total : 0);
      setText(update?.querySelector('.sservice-update-text') ?? null, words.updateProgress(s.update.state, s.update.updated, s.update.total, s.update.order, s.update.parallelism));
    }
  });
}

/** The image's tag (`latest` when it names none; a digest is left out). */
export function imageTag(image: string): string {
  const bare = image.split('@')[0];
  const colon = bare.lastIndexOf(':');
  return colon > bare.lastIndexOf('/') ? bare.slice(colon + 1) : 'latest';
}

/** Advance of one character of the chip's texts (a little over, so they never overflow; never measured): the bold name, the mono tag and count. */
const CHAR = 7.6;
const MONO = 6.8;

/** A one-line chip (side by side): name, the image's tag, running/desired; the rest is in its panel. */
function updateChip(g: SVGGElement, d: PlacedService): void {
  const { service: s, box } = d;
  const count = `${s.running}/${s.desired}`;
  const tag = `:${imageTag(s.image)}`;
  const state = g.querySelector('.workload-state');
  setAttr(state, 'x', box.width - 8);
  setAttr(state, 'y', 16);
  setText(state, count);
  const free = box.width - 2 * PAD - count.length * MONO - 6;
  const room = Math.floor(free / CHAR);
  const name = s.name.length > room ? `${s.name.slice(0, Math.max(1, room - 1))}…` : s.name;
  const tagRoom = Math.floor((free - name.length * CHAR - 4) / MONO);
  const image = g.querySelector('.sservice-image');
  setAttr(image, 'x', PAD + name.length * CHAR + 4);
  setAttr(image, 'y', 16);
  setText(image, tagRoom >= 3 ? (tag.length > tagRoom ? `${tag.slice(0, tagRoom - 1)}…` : tag) : '');
  const nameEl = g.querySelector('.workload-name');
  setAttr(nameEl, 'y', 16);
  setText(nameEl, name);
  setAttr(g.querySelector('.sservice-update'), 'display', 'none');
}
