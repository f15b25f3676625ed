import type { MonacoYamlOptions } from 'monaco-yaml';
import { KUSTOMIZATION_FILE_MATCH, KUSTOMIZATION_SCHEMA } from './kustomizationSchema';

/** The generated Kubernetes schema (scripts/gen-editor-schemas.ts). */
export type KubernetesSchema = NonNullable<NonNullable<MonacoYamlOptions['schemas']>[number]['schema']>;

/** An identifier, never fetched (schema requests are off). */
export const SCHEMA_URI = 'kubeplay://schemas/kubernetes.json';

const KUSTOMIZATION_URI = 'kubeplay://schemas/kustomization.json';

/**
 * monaco-yaml's settings, shared by the editor and the tests that run the
 * same language server in Node. Every file is checked against the schema,
 * a kustomization file against kustomize's too (it is small and always
 * there); the source line in hovers is left out (its link leads nowhere).
 */
export function yamlOptions(schema: KubernetesSchema | undefined): MonacoYamlOptions {
  return {
    validate: true,
    completion: true,
    hover: true,
    format: { enable: true },
    enableSchemaRequest: false,
    isKubernetes: false,
    schemas: [...(schema ? [{ uri: SCHEMA_URI, fileMatch: ['*'], schema }] : []), { uri: KUSTOMIZATION_URI, fileMatch: KUSTOMIZATION_FILE_MATCH, schema: KUSTOMIZATION_SCHEMA }],
    ...({ hoverSchemaSource: false } as object),
  };
}
