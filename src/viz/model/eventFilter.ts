/** What the feed needs of an event to filter it. */
export interface FilterableEvent {
  readonly type: string;
  readonly reason: string;
  readonly object: { readonly kind: string; readonly name: string; readonly namespace: string | undefined };
}

export interface EventFilter {
  /** Matches the object as `kind/name` (`pod/web-7d`, `deployment/web`) or by its name alone; empty matches all. */
  readonly text: string;
  readonly warningsOnly: boolean;
  /** Only events about this object. */
  readonly object?: { readonly kind: string; readonly name: string; readonly namespace?: string | undefined } | undefined;
}

/** `pod/web-7d`: how kubectl names an object in `get events`. */
export function objectName(e: FilterableEvent): string {
  return `${e.object.kind.toLowerCase()}/${e.object.name}`;
}

/**
 * The events that pass a filter, in their order.
 * @example filterEvents(events, { text: 'pod/web', warningsOnly: false })
 */
export function filterEvents<T extends FilterableEvent>(events: readonly T[], filter: EventFilter): readonly T[] {
  const text = filter.text.trim().toLowerCase();
  const want = filter.object;
  if (!text && !filter.warningsOnly && !want) return events;
  return events.filter((e) => {
    if (filter.warningsOnly && e.type !== 'Warning') return false;
    if (want && (e.object.kind !== want.kind || e.object.name !== want.name || (want.namespace !== undefined && (e.object.namespace ?? want.namespace) !== want.namespace))) return false;
    if (!text) return true;
    const name = objectName(e);
    return text.includes('/') ? name.startsWith(text) || name.includes(text) : e.object.name.toLowerCase().includes(text);
  });
}
