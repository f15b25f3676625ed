import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export type MenuEntry =
  | { readonly type: 'item'; readonly label: string; readonly detail?: string; readonly disabled?: boolean; readonly onSelect: () => void }
  | { readonly type: 'radio'; readonly label: string; readonly checked: boolean; readonly onSelect: () => void }
  | { readonly type: 'separator' }
  | { readonly type: 'heading'; readonly label: string };

interface MenuProps {
  /** The button's accessible name. */
  readonly label: string;
  /** What the button shows (default: the label). */
  readonly children?: ReactNode;
  readonly entries: readonly MenuEntry[];
  readonly className?: string;
  readonly title?: string;
  /** Which edge of the button the menu lines up with. */
  readonly align?: 'start' | 'end';
}

const selectable = (e: MenuEntry) => (e.type === 'item' && !e.disabled) || e.type === 'radio';

/**
 * A menu button (WAI-ARIA menu pattern): Enter, Space or ↓ opens it on the
 * first item; ↑/↓, Home/End and first letters move; Enter or Space picks;
 * Escape or Tab closes. Radio items keep the menu open. The menu is drawn
 * in a layer above the panels, so no panel clips it.
 */
export function Menu({ label, children, entries, className, title, align = 'end' }: MenuProps) {
  const [open, setOpen] = useState(false);
  const [focus, setFocus] = useState(0);
  const [place, setPlace] = useState<{ top: number; left?: number; right?: number; maxHeight: number }>();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLElement | null)[]>([]);
  const id = useId();
  const indexes = entries.map((e, i) => (selectable(e) ? i : -1)).filter((i) => i >= 0);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const openAt = (which: 'first' | 'last') => {
    setFocus(which === 'first' ? (indexes[0] ?? 0) : (indexes[indexes.length - 1] ?? 0));
    setOpen(true);
  };

  useLayoutEffect(() => {
    if (!open || !buttonRef.current) return;
    const r = buttonRef.current.getBoundingClientRect();
    const top = r.bottom + 4;
    setPlace({ top, maxHeight: Math.max(160, window.innerHeight - top - 12), ...(align === 'end' ? { right: Math.max(8, window.innerWidth - r.right) } : { left: Math.max(8, r.left) }) });
  }, [open, align]);

  useEffect(() => {
    if (open) itemRefs.current[focus]?.focus();
  }, [open, focus, place]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (ev: PointerEvent) => {
      const t = ev.target as Node;
      if (!menuRef.current?.contains(t) && !buttonRef.current?.contains(t)) close(false);
    };
    const onResize = () => close(false);
    document.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('resize', onResize);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('resize', onResize);
    };
  }, [open]);

  const move = (delta: number) => {
    const at = indexes.indexOf(focus);
    setFocus(indexes[(at + delta + indexes.length) % indexes.length]);
  };
  const pick = (entry: MenuEntry) => {
    if (entry.type === 'radio') return entry.onSelect();
    if (entry.type !== 'item' || entry.disabled) return;
    close(true);
    entry.onSelect();
  };

  const onMenuKey = (ev: KeyboardEvent) => {
    if (ev.key === 'ArrowDown') move(1);
    else if (ev.key === 'ArrowUp') move(-1);
    else if (ev.key === 'Home') setFocus(indexes[0]);
    else if (ev.key === 'End') setFocus(indexes[indexes.length - 1]);
    else if (ev.key === 'Escape') close(true);
    else if (ev.key === 'Tab') return close(false);
    else if (ev.key === 'Enter' || ev.key === ' ') pick(entries[focus]);
    else if (ev.key.length === 1 && /\S/.test(ev.key)) {
      const key = ev.key.toLowerCase();
      const after = [...indexes.filter((i) => i > focus), ...indexes.filter((i) => i <= focus)];
      const hit = after.find((i) => {
        const e = entries[i];
        return (e.type === 'item' || e.type === 'radio') && e.label.toLowerCase().startsWith(key);
      });
      if (hit === undefined) return;
      setFocus(hit);
    } else return;
    ev.preventDefault();
    ev.stopPropagation();
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={className ?? 'button'}
        title={title}
        aria-label={children ? label : undefined}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => (open ? close(false) : openAt('first'))}
        onKeyDown={(ev) => {
          if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
            ev.preventDefault();
            openAt(ev.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        {children ?? label}
      </button>
      {open &&
        createPortal(
          <div ref={menuRef} id={id} role="menu" aria-label={label} className="menu" style={place ? { top: place.top, left: place.left, right: place.right, maxHeight: place.maxHeight } : { visibility: 'hidden' }} onKeyDown={onMenuKey}>
            {entries.map((entry, i) => {
              if (entry.type === 'separator') return <div key={i} role="separator" className="menu-separator" />;
              if (entry.type === 'heading')
                return (
                  <div key={i} role="presentation" className="menu-heading">
                    {entry.label}
                  </div>
                );
              const common = {
                ref: (el: HTMLElement | null) => {
                  itemRefs.current[i] = el;
                },
                tabIndex: i === focus ? 0 : -1,
                onClick: () => pick(entry),
                onPointerMove: () => selectable(entry) && focus !== i && setFocus(i),
              };
              if (entry.type === 'radio')
                return (
                  <div key={i} role="menuitemradio" aria-checked={entry.checked} className="menu-item menu-radio" {...common}>
                    <span className="menu-check" aria-hidden="true">
                      {entry.checked ? '●' : '○'}
                    </span>
                    <span className="menu-label">{entry.label}</span>
                  </div>
                );
              return (
                <div key={i} role="menuitem" aria-disabled={entry.disabled || undefined} className="menu-item" {...common}>
                  <span className="menu-label">{entry.label}</span>
                  {entry.detail && <span className="menu-detail">{entry.detail}</span>}
                </div>
              );
            })}
          </div>,
          document.body,
        )}
    </>
  );
}
