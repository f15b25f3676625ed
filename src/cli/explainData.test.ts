import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveExplainData } from '../shell/kubectl/explain/deriveExplainData';

describe('kubectl explain data', () => {
  it('is derived from the editor schema and in step with it (regenerate: npx tsx scripts/gen-explain-data.ts)', () => {
    const editor = JSON.parse(readFileSync('src/ui/editor/schemas/kubernetes.json', 'utf8')) as unknown;
    const node = JSON.parse(readFileSync('src/shell/kubectl/explain/nodeSchemas.json', 'utf8')) as unknown;
    const stored = JSON.parse(readFileSync('src/shell/kubectl/explain/explainSchemas.json', 'utf8')) as unknown;
    expect(deriveExplainData(editor, node)).toEqual(stored);
  });
});
