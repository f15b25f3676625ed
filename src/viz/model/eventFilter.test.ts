import { describe, expect, it } from 'vitest';
import { filterEvents, objectName } from './eventFilter';

const ev = (kind: string, name: string, type = 'Normal', namespace = 'default') => ({ type, reason: 'R', object: { kind, name, namespace } });
const events = [ev('Pod', 'web-7d-a'), ev('ReplicaSet', 'web-7d'), ev('Pod', 'db-0', 'Warning'), ev('Node', 'worker-1', 'Warning', undefined as never), ev('Deployment', 'web')];

describe('filterEvents', () => {
  it('passes everything with an empty filter (the same array)', () => {
    expect(filterEvents(events, { text: '', warningsOnly: false })).toBe(events);
  });

  it('matches kind/name as kubectl writes it, or a name alone', () => {
    expect(filterEvents(events, { text: 'pod/web', warningsOnly: false }).map(objectName)).toEqual(['pod/web-7d-a']);
    expect(filterEvents(events, { text: 'WEB', warningsOnly: false }).map(objectName)).toEqual(['pod/web-7d-a', 'replicaset/web-7d', 'deployment/web']);
  });

  it('keeps warnings only, and one object only', () => {
    expect(filterEvents(events, { text: '', warningsOnly: true }).map(objectName)).toEqual(['pod/db-0', 'node/worker-1']);
    expect(filterEvents(events, { text: '', warningsOnly: false, object: { kind: 'Deployment', name: 'web', namespace: 'default' } }).map(objectName)).toEqual(['deployment/web']);
    expect(filterEvents(events, { text: '', warningsOnly: false, object: { kind: 'Node', name: 'worker-1' } }).map(objectName)).toEqual(['node/worker-1']);
  });
});
