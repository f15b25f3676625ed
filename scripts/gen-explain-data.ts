/**
 * Derives the data `kubectl explain` reads from the editor's Kubernetes JSON
 * Schema (src/ui/editor/schemas/kubernetes.json, made by gen-editor-schemas.ts):
 *
 *   npx tsx scripts/gen-explain-data.ts [--from FILE] [--out FILE] [--skip-node]
 *
 * The result (default src/shell/kubectl/explain/explainSchemas.json) keeps,
 * per definition, what explain prints: descriptions, property types and refs,
 * required fields and the enums the OpenAPI document declares. The editor's
 * schema has no Node (see kubeNodeAlias.ts), so Node and its types are
 * generated here from kubernetes-types (about 30 s; `--skip-node` reuses
 * src/shell/kubectl/explain/nodeSchemas.json). The shell loads the result
 * lazily (a dynamic import), so the terminal's chunk does not grow. A unit
 * test checks the file is in step with its sources.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createGenerator } from 'ts-json-schema-generator';
import { deriveExplainData } from '../src/shell/kubectl/explain/deriveExplainData';

const NODE_OUT = 'src/shell/kubectl/explain/nodeSchemas.json';

function parseArgs(argv: string[]): { from: string; out: string; skipNode: boolean } {
  const args = { from: 'src/ui/editor/schemas/kubernetes.json', out: 'src/shell/kubectl/explain/explainSchemas.json', skipNode: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--from') args.from = argv[++i];
    else if (argv[i] === '--out') args.out = argv[++i];
    else if (argv[i] === '--skip-node') args.skipNode = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

/** Node's schema and the types it uses, with the API's descriptions. */
function generateNode(): void {
  const gen = createGenerator({ path: 'scripts/kubeNodeAlias.ts', type: 'KubeNode', skipTypeCheck: true, expose: 'export', topRef: true, jsDoc: 'extended', additionalProperties: false });
  const schema = gen.createSchema('KubeNode');
  const definitions = { ...schema.definitions };
  delete definitions.KubeNode;
  writeFileSync(NODE_OUT, `${JSON.stringify({ definitions })}\n`);
}

const args = parseArgs(process.argv.slice(2));
if (!args.skipNode) generateNode();
const data = deriveExplainData(JSON.parse(readFileSync(args.from, 'utf8')) as unknown, JSON.parse(readFileSync(NODE_OUT, 'utf8')) as unknown);
const text = `${JSON.stringify(data)}\n`;
writeFileSync(args.out, text);
console.log(`${Object.keys(data.kinds).length} kinds, ${Object.keys(data.definitions).length} definitions, ${Math.round(text.length / 1024)} KB → ${args.out}`);
