/**
 * The editor's Kubernetes schema, checked with the language server the editor
 * runs (monaco-yaml's own worker bundle, in Node): the shared example
 * manifests and the templates validate without a single warning, mistakes
 * are caught, and completion and hover carry the API's words.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { STARTER_FILES, TEMPLATES } from '../../state/index';
import schema from './schemas/kubernetes.json';
import { yamlOptions, type KubernetesSchema } from './yamlOptions';

const EXAMPLES = import.meta.glob('../../scenarios/examples/kubernetes/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

// ---- monaco-yaml's worker in Node -------------------------------------------------------------
// The worker registers itself through `monaco-worker-manager/worker`, which needs Monaco's web
// worker runtime. Vitest cannot mock imports inside node_modules, so a copy of the worker with
// that one import replaced is written beside node_modules (its other imports resolve as before).

interface MirrorModel {
  uri: string;
  version: number;
  getValue(): string;
}

type Factory = (ctx: { getMirrorModels(): MirrorModel[] }, settings: Record<string, unknown>) => YamlWorker;

interface Position {
  line: number;
  character: number;
}

interface Diagnostic {
  message: string;
  severity: number;
  range: { start: Position; end: Position };
}

interface YamlWorker {
  doValidation(uri: string): Promise<Diagnostic[]>;
  doComplete(uri: string, position: Position): Promise<{ items: { label: string; insertText?: string; kind?: number }[] }>;
  doHover(uri: string, position: Position): Promise<{ contents: { kind: string; value: string } | string } | null>;
}

const IMPORT = 'import { initialize } from "monaco-worker-manager/worker";';

async function loadFactory(): Promise<Factory> {
  const holder = globalThis as { __kubeplayYamlWorker?: Factory };
  if (holder.__kubeplayYamlWorker) return holder.__kubeplayYamlWorker;
  const require = createRequire(import.meta.url);
  const source = readFileSync(join(dirname(require.resolve('monaco-yaml/package.json')), 'yaml.worker.js'), 'utf8');
  if (!source.includes(IMPORT)) throw new Error('monaco-yaml worker changed: update yamlWorker.testkit.ts');
  const patched = source
    .replace(IMPORT, 'const initialize = (f) => { globalThis.__kubeplayYamlWorker = f; };')
    // path-browserify is CommonJS: Node's namespace import of it has no named functions.
    .replace(/import \* as (\w+) from "path-browserify";/g, 'import $1 from "path-browserify";');
  const dir = join(dirname(require.resolve('monaco-yaml/package.json')), '..', '.cache', 'kubeplay');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'yaml.worker.mjs');
  writeFileSync(file, patched);
  await import(/* @vite-ignore */ pathToFileURL(file).href);
  if (!holder.__kubeplayYamlWorker) throw new Error('monaco-yaml worker did not initialize');
  return holder.__kubeplayYamlWorker;
}

/** A worker over an in-memory set of documents; `set(uri, text)` adds or replaces one. */
async function createYamlWorker(settings: Record<string, unknown>): Promise<{ worker: YamlWorker; set(uri: string, text: string): void }> {
  const factory = await loadFactory();
  const models = new Map<string, MirrorModel>();
  const worker = factory({ getMirrorModels: () => [...models.values()] }, settings);
  return {
    worker,
    set(uri, text) {
      const version = (models.get(uri)?.version ?? 0) + 1;
      models.set(uri, { uri, version, getValue: () => text });
    },
  };
}

// ---- the tests ----------------------------------------------------------------------------------

let worker: YamlWorker;
let setText: (uri: string, text: string) => void;
let n = 0;

beforeAll(async () => {
  const created = await createYamlWorker(yamlOptions(schema as KubernetesSchema) as unknown as Record<string, unknown>);
  worker = created.worker;
  setText = created.set;
}, 60_000);

async function diagnose(text: string, file = `doc-${++n}.yaml`): Promise<{ line: number; column: number; message: string }[]> {
  const uri = `file:///${++n}/${file}`;
  setText(uri, text);
  return (await worker.doValidation(uri)).map((d) => ({ line: d.range.start.line + 1, column: d.range.start.character + 1, message: d.message }));
}

/** Completion labels and hover text where `|` stands in the text. */
async function at(textWithCursor: string, file = 'doc.yaml') {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const before = text.slice(0, offset).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1].length };
  const uri = `file:///${++n}/${file}`;
  setText(uri, text);
  const completion = await worker.doComplete(uri, position);
  const hover = await worker.doHover(uri, position);
  const contents = hover?.contents;
  return { labels: completion.items.map((i) => i.label), hover: typeof contents === 'string' ? contents : (contents?.value ?? '') };
}

describe('the editor\'s Kubernetes schema', () => {
  it('covers the kinds people write', () => {
    const kinds = (schema as { allOf: { if?: { properties?: { kind?: { const?: string } } } }[] }).allOf.map((a) => a.if?.properties?.kind?.const);
    for (const kind of ['Deployment', 'Service', 'ConfigMap', 'Secret', 'Pod', 'Job', 'CronJob', 'DaemonSet', 'StatefulSet', 'Ingress', 'PersistentVolumeClaim', 'HorizontalPodAutoscaler', 'Namespace', 'NetworkPolicy']) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it('finds all the shared examples', () => {
    expect(Object.keys(EXAMPLES).length).toBeGreaterThanOrEqual(41);
  });

  it.each(Object.entries(EXAMPLES).map(([path, text]) => [path.replace(/^.*\//, ''), text]))('example %s validates without a warning', async (_name, text) => {
    expect(await diagnose(text)).toEqual([]);
  });

  it.each([...Object.entries(STARTER_FILES), ...TEMPLATES.map((t) => [t.fileName, t.text])])('starter %s validates without a warning', async (_name, text) => {
    expect(await diagnose(text)).toEqual([]);
  });

  it('accepts what the API accepts: empty documents, comments, nulls for objects and lists, numbers for quantities', async () => {
    const text = '---\n# just a comment\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  creationTimestamp: null\nspec:\n  containers:\n    - name: c\n      image: nginx\n      env:\n      resources:\n        requests:\n          cpu: 0.5\n          memory: 1e9\n---\napiVersion: example.com/v1\nkind: Widget\nspec:\n  anything: [1, 2]\n';
    expect(await diagnose(text)).toEqual([]);
  });

  it('warns where the API would refuse: unknown fields, wrong types, values outside an enum, a wrong apiVersion', async () => {
    const text = [
      'apiVersion: apps/v1', //  1
      'kind: Deployment', //     2
      'metadata:', //            3
      '  name: web', //          4
      'spec:', //                5
      '  replicas: 1.5', //      6
      '  strategy:', //          7
      '    type: Rolling', //    8
      '  selector:', //          9
      '    matchLabels: {app: web}', // 10
      '  template:', //         11
      '    spec:', //           12
      '      containers:', //   13
      '        - name: web', // 14
      '          image: nginx', // 15
      '          imagePullPolicy: Sometimes', // 16
      '          port: 80', //  17
      '---',
      'apiVersion: v1',
      'kind: Deployment',
    ].join('\n');
    const found = await diagnose(text);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 6, message: 'Incorrect type. Expected "integer".' }),
        expect.objectContaining({ line: 8, message: 'Value is not accepted. Valid values: "Recreate", "RollingUpdate".' }),
        expect.objectContaining({ line: 16, message: 'Value is not accepted. Valid values: "Always", "IfNotPresent", "Never".' }),
        expect.objectContaining({ line: 17, message: 'Property port is not allowed.' }),
        expect.objectContaining({ line: 19, message: 'Value is not accepted. Valid values: "apps/v1".' }),
      ]),
    );
    expect(found).toHaveLength(5);
  });

  it('reports YAML syntax errors at their line', async () => {
    const found = await diagnose('apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].line).toBeGreaterThanOrEqual(4);
  });

  it('completes fields of the kind, enum values, and kinds in an empty document', async () => {
    expect((await at('apiVersion: apps/v1\nkind: Deployment\n|')).labels).toEqual(expect.arrayContaining(['metadata', 'spec']));
    expect((await at('apiVersion: apps/v1\nkind: Deployment\nspec:\n  |')).labels).toEqual(expect.arrayContaining(['replicas', 'selector', 'template', 'strategy', 'minReadySeconds']));
    expect((await at('apiVersion: apps/v1\nkind: Deployment\nspec:\n  strategy:\n    type: |')).labels).toEqual(['Recreate', 'RollingUpdate']);
    expect((await at('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      imagePullPolicy: |')).labels).toEqual(['Always', 'IfNotPresent', 'Never']);
    const empty = await at('|');
    expect(empty.labels).toEqual(expect.arrayContaining(['Deployment', 'Service', 'ConfigMap', 'apiVersion', 'kind']));
    expect((await at('apiVersion: apps/v1\nkind: |')).labels).toEqual(expect.arrayContaining(['Deployment', 'StatefulSet', 'Pod']));
  });

  it('shows the field\'s real description on hover', async () => {
    expect((await at('apiVersion: apps/v1\nkind: Deployment\nspec:\n  repl|icas: 3\n')).hover).toContain('Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.');
    const pull = await at('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      imagePull|Policy: Always\n');
    expect(pull.hover).toContain('Image pull policy. One of Always, Never, IfNotPresent.');
    expect(pull.hover).toContain('`IfNotPresent`');
  });

  it('checks a kustomization file against kustomize\'s fields: completes them, explains them, flags a misspelt one', async () => {
    const k = 'resources:\n- web.yaml\nnamePrefix: dev-\nconfigMapGenerator:\n- name: greeting\n  literals:\n  - MESSAGE=hello\nimages:\n- name: nginx\n  newTag: "1.27"\n';
    expect(await diagnose(k, 'kustomization.yaml')).toEqual([]);
    const found = await diagnose('resource:\n- web.yaml\nreplicas:\n- name: web\n  count: two\nimages:\n- name: nginx\n  newTag: 1.10\n', 'kustomization.yaml');
    expect(found.map((f) => [f.line, f.message]).sort()).toEqual([
      [1, 'Property resource is not allowed.'],
      [5, 'Incorrect type. Expected "integer".'],
      [8, 'Incorrect type. Expected "string".'],
    ]);
    // Only a file named as kustomize reads it is a kustomization.
    expect(await diagnose('resource:\n- web.yaml\n', 'notes.yaml')).toEqual([]);
    expect((await at('resources:\n- web.yaml\n|', 'kustomization.yaml')).labels).toEqual(expect.arrayContaining(['configMapGenerator', 'secretGenerator', 'patches', 'images', 'namePrefix']));
    expect((await at('configMapGen|erator: []\n', 'kustomization.yaml')).hover).toContain('hash of the contents');
  });
});
