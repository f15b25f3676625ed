/// <reference types="vite/client" />
import { describe, it, expect } from 'vitest';
import { decodeObject } from '../decode';
import { applyDefaults } from '../defaults/applyDefaults';
import { fieldErrorString } from '../fieldErrors';
import { parseManifests } from '../manifests';
import { ResourceRegistry } from '../resources';
import { validateCreate } from '../validation/validate';
import { SCHEMA } from './compactSchema';
import { strictDecode } from './strictDecode';

/** Real manifests (Kubernetes docs and examples, microservices-demo, voting-app), copied from the shared examples. */
const FILES = import.meta.glob('../../../../scenarios/examples/kubernetes/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const registry = new ResourceRegistry();

describe('the shared example manifests', () => {
  it('are all present', () => {
    expect(Object.keys(FILES).length).toBeGreaterThanOrEqual(41);
  });

  it.each(Object.entries(FILES).map(([path, text]) => [path.replace(/^.*\//, ''), text]))('%s parses, and decodes and validates cleanly or is not served', (_name, text) => {
    const parsed = parseManifests(text);
    expect(parsed.error).toBeUndefined();
    expect(parsed.documents.length).toBeGreaterThan(0);
    for (const doc of parsed.documents) {
      const r = decodeObject(doc.value, registry);
      if (!r.ok) {
        expect(r.reason, r.message).toBe('noMatch');
        // Not served yet, but the generated schema must still decode it strictly.
        const v = doc.value as { apiVersion: string; kind: string };
        const decoded = strictDecode(v, SCHEMA.kinds[`${v.apiVersion}/${v.kind}`], SCHEMA);
        expect([decoded.error, decoded.unknown], v.kind).toEqual([undefined, []]);
        continue;
      }
      const obj = r.object;
      if (r.info.namespaced && !obj.metadata.namespace) obj.metadata = { ...obj.metadata, namespace: 'default' };
      const errs = validateCreate(applyDefaults(obj, r.info), r.info).map(fieldErrorString);
      expect(errs, `${obj.kind}/${obj.metadata.name}`).toEqual([]);
    }
  });
});
