import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { useStoredFraction } from './useStoredFraction';

interface SplitPaneProps {
  /** `row`: side by side; `column`: one above the other. */
  readonly direction: 'row' | 'column';
  /** localStorage key that remembers the split. */
  readonly storageKey: string;
  /** Share of the first pane, 0..1. */
  readonly initial: number;
  readonly min?: number;
  readonly max?: number;
  /** Accessible name of the separator. */
  readonly label: string;
  readonly first: ReactNode;
  readonly second: ReactNode;
  readonly className?: string;
  /** Only the first pane, full size (no separator): the second is closed. The first stays mounted. */
  readonly collapsed?: boolean;
  /** Only the second pane, full size (no separator): the first is closed (unmounted). The second stays mounted. */
  readonly firstClosed?: boolean;
}

/** Two panes and a draggable, keyboard-operable separator; the split is remembered. */
export function SplitPane({ direction, storageKey, initial, min = 0.2, max = 0.8, label, first, second, className, collapsed = false, firstClosed = false }: SplitPaneProps) {
  const [fraction, setFraction] = useStoredFraction(storageKey, initial);
  const boxRef = useRef<HTMLDivElement>(null);
  const clamp = (v: number) => Math.min(max, Math.max(min, v));

  const onPointerDown = (ev: PointerEvent<HTMLDivElement>) => {
    ev.currentTarget.setPointerCapture(ev.pointerId);
  };
  const onPointerMove = (ev: PointerEvent<HTMLDivElement>) => {
    if (!ev.currentTarget.hasPointerCapture(ev.pointerId) || !boxRef.current) return;
    const box = boxRef.current.getBoundingClientRect();
    const v = direction === 'row' ? (ev.clientX - box.left) / box.width : (ev.clientY - box.top) / box.height;
    setFraction(clamp(v));
  };
  const onKeyDown = (ev: KeyboardEvent<HTMLDivElement>) => {
    const back = direction === 'row' ? 'ArrowLeft' : 'ArrowUp';
    const forward = direction === 'row' ? 'ArrowRight' : 'ArrowDown';
    if (ev.key === back) setFraction(clamp(fraction - 0.05));
    else if (ev.key === forward) setFraction(clamp(fraction + 0.05));
    else if (ev.key === 'Home') setFraction(min);
    else if (ev.key === 'End') setFraction(max);
    else return;
    ev.preventDefault();
  };

  const percent = Math.round(fraction * 100);
  return (
    <div ref={boxRef} className={`split split-${direction} ${className ?? ''}`} style={{ ['--split' as string]: collapsed ? '100%' : `${fraction * 100}%` }}>
      {!firstClosed && <div className="split-pane split-first">{first}</div>}
      {!collapsed && !firstClosed && (
        <div
          className="split-handle"
          role="separator"
          aria-label={label}
          aria-orientation={direction === 'row' ? 'vertical' : 'horizontal'}
          aria-valuemin={Math.round(min * 100)}
          aria-valuemax={Math.round(max * 100)}
          aria-valuenow={percent}
          tabIndex={0}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onKeyDown={onKeyDown}
        />
      )}
      {!collapsed && <div className="split-pane split-second">{second}</div>}
    </div>
  );
}
