import { describe, expect, it } from 'vitest';
import { realStore } from './realWorld.testkit';
import { STARTER_FILES, TEMPLATES } from './starterFiles';

describe('starter files and templates', () => {
  it('offer the common kinds, each once', () => {
    expect(TEMPLATES.map((t) => t.kind)).toEqual(['Deployment', 'Service', 'ConfigMap', 'Secret', 'Pod', 'Job', 'CronJob', 'DaemonSet', 'StatefulSet', 'Ingress', 'PersistentVolumeClaim', 'HorizontalPodAutoscaler']);
    for (const t of TEMPLATES) {
      expect(t.text, t.kind).toContain(`apiVersion: ${t.apiVersion}\nkind: ${t.kind}\n`);
      expect(t.text.endsWith('\n'), t.kind).toBe(true);
    }
  });

  // Kinds the engine does not serve yet answer as real kubectl does for an unknown kind;
  // everything it serves must be created without a warning or an error.
  it.each([...Object.entries(STARTER_FILES), ...TEMPLATES.map((t) => [t.fileName, t.text])])('%s applies cleanly', async (name, text) => {
    const store = await realStore({ [name]: text });
    store.getState().applyFile(name);
    const lines = store.getState().transcript.map((l) => l.text).slice(1);
    for (const line of lines) {
      if (/ (created|configured)$/.test(line)) continue;
      expect(line).toMatch(/^(error: )?resource mapping not found for name: .* no matches for kind|^ensure CRDs are installed first$|^ {2}--> /);
    }
    expect(lines.some((l) => l.endsWith(' created')) || lines.some((l) => l.includes('no matches for kind'))).toBe(true);
    expect(store.getState().fileDiagnostics[name] ?? []).toEqual(lines.some((l) => l.includes('no matches for kind')) ? expect.anything() : []);
  });
});
