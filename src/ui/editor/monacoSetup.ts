/**
 * Monaco, slim (the editor, its contributions and the YAML language only),
 * with monaco-yaml and the Kubernetes schema. This module and everything it
 * imports load lazily, with the editor: none of it is in the first bundle.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { configureMonacoYaml, type MonacoYaml } from 'monaco-yaml';
import YamlWorker from './yaml.worker?worker';
import schemaUrl from './schemas/kubernetes.json?url';
import { yamlOptions, type KubernetesSchema } from './yamlOptions';

export { monaco };

globalThis.MonacoEnvironment = {
  getWorker: (_moduleId: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
};

interface LegacyWorkerOptions {
  label?: string;
  moduleId: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

/**
 * monaco-yaml 5.5 still creates its worker with the `{label, moduleId,
 * createData}` form Monaco dropped in 0.53; without this translation the
 * editor shows but never validates or completes, silently. It does what
 * Monaco does for its own languages: start the worker, send 'ignore' then
 * the create data, and hand the worker to `createWebWorker`.
 */
function createLegacyWebWorker(options: LegacyWorkerOptions) {
  const worker = Promise.resolve(globalThis.MonacoEnvironment!.getWorker!(options.moduleId, options.label ?? 'yaml')).then((w) => {
    w.postMessage('ignore');
    w.postMessage(options.createData);
    return w;
  });
  return monaco.editor.createWebWorker({ worker, host: options.host, keepIdleModels: options.keepIdleModels });
}

const monacoForYaml = { ...monaco, editor: { ...monaco.editor, createWebWorker: createLegacyWebWorker } } as unknown as typeof monaco;

let yaml: MonacoYaml | undefined;
let schemaLoad: Promise<void> | undefined;

/**
 * Sets up YAML support once: syntax checks at once, the Kubernetes schema
 * (validation, completion, hover) as soon as it has been fetched. Resolves
 * when the schema is in use; rejects if it could not be fetched (the editor
 * keeps working without it).
 */
export function setUpYaml(): Promise<void> {
  if (!yaml) yaml = configureMonacoYaml(monacoForYaml, yamlOptions(undefined));
  schemaLoad ??= fetch(schemaUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`the Kubernetes schema did not load (HTTP ${response.status})`);
      return response.json() as Promise<KubernetesSchema>;
    })
    .then((schema) => yaml?.update(yamlOptions(schema)))
    .catch((err: unknown) => {
      schemaLoad = undefined; // try again next time an editor opens
      throw err;
    });
  return schemaLoad;
}
