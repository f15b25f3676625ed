import { describe, expect, it } from 'vitest';
import { wireJson, wireWatchEvent } from './wireJson';

describe('wireJson (the API server encoding)', () => {
  it('puts TypeMeta, then ObjectMeta fields in declaration order, then data with sorted keys', () => {
    const cm = { data: { b: '2', a: '1' }, metadata: { resourceVersion: '7', labels: { z: '1', a: '2' }, namespace: 'default', name: 'c', uid: 'u' }, apiVersion: 'v1', kind: 'ConfigMap' };
    expect(wireJson(cm)).toBe('{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c","namespace":"default","uid":"u","resourceVersion":"7","labels":{"a":"2","z":"1"}},"data":{"a":"1","b":"2"}}');
  });

  it('writes a watch event as one line', () => {
    expect(wireWatchEvent('DELETED', { kind: 'ConfigMap', metadata: { name: 'c' } })).toBe('{"type":"DELETED","object":{"kind":"ConfigMap","metadata":{"name":"c"}}}\n');
  });
});
