import type { EnterElement, Selection } from 'd3';
import { setAttr, setText } from '../glyphs/dom';
import { LOOK_MARK } from '../render/podPaint';
import type { PlacedTask } from './swarmLayout';
import { SWARM_METRICS as M } from './swarmLayout';

type TaskSelection = Selection<SVGGElement, PlacedTask, SVGGElement, unknown>;

/** What a task element was last drawn as (unchanged tasks are not touched). */
const drawnLook = new WeakMap<SVGGElement, string>();

/** Builds a task's elements once: a button with its square, the filling outline, its mark and its slot. */
export function enterSwarmTask(sel: Selection<EnterElement, PlacedTask, SVGGElement, unknown>): TaskSelection {
  const g = sel.append('g').attr('class', 'stask').attr('role', 'button').attr('tabindex', -1).attr('data-kind', 'swarm-task');
  const inner = g.append('g').attr('class', 'stask-inner');
  inner.append('rect').attr('class', 'stask-body').attr('width', M.task).attr('height', M.task).attr('rx', 6);
  inner.append('rect').attr('class', 'stask-fill').attr('x', 2).attr('width', M.task - 4).attr('rx', 4);
  // An edge in the service's hue, grey on a task from the previous template: a rolling update reads as grey draining, the hue filling.
  inner.append('rect').attr('class', 'stask-rev').attr('x', 5).attr('y', M.task - 4).attr('width', M.task - 10).attr('height', 3).attr('rx', 1.5);
  inner.append('text').attr('class', 'stask-mark').attr('x', M.task / 2).attr('y', M.task / 2 + 5);
  g.append('rect').attr('class', 'stask-focus').attr('x', -3).attr('y', -3).attr('width', M.task + 6).attr('height', M.task + 6).attr('rx', 8);
  g.append('text').attr('class', 'stask-slot').attr('x', M.task / 2).attr('y', M.task + 12);
  return g;
}

/** The short name under the square: `.2` for a slot, the node's first characters for a global task. */
function slotText(p: PlacedTask): string {
  return p.task.slot > 0 ? `.${p.task.slot}` : `.${p.task.name.slice(p.task.name.lastIndexOf('.') + 1, p.task.name.lastIndexOf('.') + 5)}`;
}

/**
 * Applies each task's look. A task whose look turned to a crash shakes once
 * (UI.md: a short shake on each crash; none with reduced motion).
 */
export function updateSwarmTask(sel: TaskSelection, selectedKey: string | undefined, reducedMotion: boolean): void {
  sel.each((d, i, all) => {
    const g = all[i];
    const t = d.task;
    setAttr(g, 'data-key', t.key);
    setAttr(g, 'data-look', t.look);
    setAttr(g, 'data-state', t.state);
    setAttr(g, 'aria-label', t.label);
    setAttr(g, 'aria-expanded', String(t.key === selectedKey));
    g.classList.toggle('is-selected', t.key === selectedKey);
    const signature = `${t.look}|${t.progress}|${t.outdated}|${d.hue}|${t.slot}`;
    const before = drawnLook.get(g);
    if (before === signature) return;
    drawnLook.set(g, signature);
    const previousLook = before?.split('|')[0];
    g.classList.remove(...Array.from(g.classList).filter((c) => c.startsWith('look-')));
    g.classList.add(`look-${t.look}`);
    if (t.look === 'crash' && previousLook !== undefined && previousLook !== 'crash' && !reducedMotion) {
      g.classList.remove('is-shaking');
      // Restart the animation: a reflow between removing and adding the class.
      void g.getBoundingClientRect();
      g.classList.add('is-shaking');
    }
    const fill = g.querySelector('.stask-fill');
    const h = t.look === 'creating' ? Math.max(0, (M.task - 4) * t.progress) : 0;
    setAttr(fill, 'height', h);
    setAttr(fill, 'y', M.task - 2 - h);
    setAttr(g.querySelector('.stask-rev'), 'class', t.outdated ? 'stask-rev is-outdated' : `stask-rev rev-${d.hue % 6}`);
    setText(g.querySelector('.stask-mark'), LOOK_MARK[t.look]);
    setText(g.querySelector('.stask-slot'), slotText(d));
  });
}
