/**
 * Derives the data `kubectl explain` reads from the editor's Kubernetes JSON
 * Schema (src/ui/editor/schemas/kubernetes.json, made by gen-editor-schemas.ts):
 *
 *   npx tsx scripts/gen-explain-data.ts [--from FILE] [--out FILE]
 *
 * The result (default src/shell/kubectl/explain/explainSchemas.json) keeps,
 * per definition, what explain prints: descriptions, property types and refs,
 * required fields and the enums the OpenAPI document declares. The shell
 * loads it lazily (a dynamic import), so the terminal's chunk does not grow.
 * A unit test checks the file is in step with the editor's schema.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { deriveExplainData } from '../src/shell/kubectl/explain/deriveExplainData';

function parseArgs(argv: string[]): { from: string; out: string } {
  const args = { from: 'src/ui/editor/schemas/kubernetes.json', out: 'src/shell/kubectl/explain/explainSchemas.json' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--from') args.from = argv[++i];
    else if (argv[i] === '--out') args.out = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const data = deriveExplainData(JSON.parse(readFileSync(args.from, 'utf8')) as unknown);
const text = `${JSON.stringify(data)}\n`;
writeFileSync(args.out, text);
console.log(`${Object.keys(data.kinds).length} kinds, ${Object.keys(data.definitions).length} definitions, ${Math.round(text.length / 1024)} KB → ${args.out}`);
