import type { KubernetesSchema } from './yamlOptions';

/**
 * The editor's schema for a kustomization file (`kustomization.yaml`,
 * `kustomization.yml`, `Kustomization`): kustomize v5's fields with what
 * each does, so the editor completes them, explains them on hover and
 * flags a misspelt one as kustomize would refuse it. Fields the playground
 * does not build (replacements, components, Helm …) are known here too: the
 * build itself says they are not simulated.
 */

const str = (description: string) => ({ type: 'string', description });
const strings = (description: string) => ({ type: 'array', items: { type: 'string' }, description });
// kustomize decodes values into Go strings: `a: 1` or `on: true` is refused, so the schema wants them quoted.
const stringMap = (description: string) => ({ type: ['object', 'null'], additionalProperties: { type: 'string' }, description });

const target = {
  type: 'object',
  description: 'Which resources the patch applies to: every field given must match (name, kind … are regular expressions; labelSelector and annotationSelector are selectors).',
  additionalProperties: false,
  properties: {
    group: str('API group of the resources, such as apps.'),
    version: str('API version of the resources, such as v1.'),
    kind: str('Kind of the resources, such as Deployment.'),
    name: str('Name of the resources.'),
    namespace: str('Namespace of the resources.'),
    labelSelector: str('Label selector the resources must match, such as app=web.'),
    annotationSelector: str('Annotation selector the resources must match.'),
  },
};

const generatorOptions = {
  type: 'object',
  additionalProperties: false,
  properties: {
    labels: stringMap('Labels added to the generated objects.'),
    annotations: stringMap('Annotations added to the generated objects.'),
    disableNameSuffixHash: { type: 'boolean', description: 'Keep the name as written: no hash of the contents is appended (so a change no longer rolls the pods that use it).' },
    immutable: { type: 'boolean', description: 'Mark the generated objects immutable.' },
  },
};

const generator = (kind: 'ConfigMap' | 'Secret') => ({
  type: 'array',
  description: `${kind}s made from literals and files. Each name gets a hash of the contents appended, and every reference to the ${kind} in the build is renamed with it: changing the data makes a new ${kind} and rolls out the pods that use it.`,
  items: {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: {
      name: str(`Name of the ${kind}, before the prefix, suffix and hash.`),
      namespace: str(`Namespace of the ${kind}.`),
      behavior: { enum: ['create', 'replace', 'merge'], description: `create (the default) makes a new ${kind}; replace and merge change one from a base.` },
      literals: strings('KEY=VALUE pairs.'),
      files: strings('Files whose contents become values: the file name is the key, or KEY=path.'),
      envs: strings('Files of KEY=VALUE lines (# starts a comment).'),
      env: str('One file of KEY=VALUE lines (older spelling of envs).'),
      options: generatorOptions,
      ...(kind === 'Secret' ? { type: str('The Secret type (Opaque by default, or kubernetes.io/tls …).') } : {}),
    },
  },
});

const loose = (description: string) => ({ description });

export const KUSTOMIZATION_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Kustomization',
  type: 'object',
  additionalProperties: false,
  properties: {
    apiVersion: { enum: ['kustomize.config.k8s.io/v1beta1'], description: 'Version of the kustomization format (optional).' },
    kind: { enum: ['Kustomization', 'Component'], description: 'Kustomization (optional), or Component for a reusable piece.' },
    metadata: { type: 'object', properties: { name: str('A name for the kustomization (not used by the build).') } },
    resources: strings('Files of manifests, or directories holding another kustomization (a base), built first and in this order.'),
    bases: strings('Directories of other kustomizations: deprecated, list them under resources.'),
    namespace: str('Namespace every namespaced resource is moved to.'),
    namePrefix: str('Text put before every resource name; references to the renamed objects follow.'),
    nameSuffix: str('Text put after every resource name (before a generated hash); references follow.'),
    commonLabels: stringMap('Labels added to every resource and to selectors and pod templates: deprecated, use labels with includeSelectors.'),
    labels: {
      type: 'array',
      description: 'Labels added to every resource; to selectors and pod templates only when asked.',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          pairs: stringMap('The labels.'),
          includeSelectors: { type: 'boolean', description: 'Also add them to selectors and pod templates (like commonLabels). Selectors of live Deployments cannot change afterwards.' },
          includeTemplates: { type: 'boolean', description: 'Also add them to pod templates, not selectors.' },
          fields: loose('Other fields to add the labels to.'),
        },
      },
    },
    commonAnnotations: stringMap('Annotations added to every resource and to pod templates.'),
    images: {
      type: 'array',
      description: 'New names, tags or digests for container images, matched by image name.',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: str('The image name to match, without tag: nginx.'),
          newName: str('The name to use instead: my-registry/nginx.'),
          newTag: str('The tag to use, quoted when it looks like a number: "1.27".'),
          digest: str('A digest to pin instead of a tag: sha256:….'),
        },
      },
    },
    replicas: {
      type: 'array',
      description: 'Replica counts for Deployments, ReplicaSets and StatefulSets, by name.',
      items: { type: 'object', required: ['name', 'count'], additionalProperties: false, properties: { name: str('Name of the workload.'), count: { type: 'integer', minimum: 0, description: 'The number of replicas.' } } },
    },
    configMapGenerator: generator('ConfigMap'),
    secretGenerator: generator('Secret'),
    generatorOptions: { ...generatorOptions, description: 'Options for every generated ConfigMap and Secret.' },
    patches: {
      type: 'array',
      description: 'Strategic merge patches (a partial object) or JSON 6902 patches (a list of operations), from a file (path) or written inline (patch).',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { path: str('File holding the patch.'), patch: str('The patch, inline.'), target, options: { type: 'object', properties: { allowNameChange: { type: 'boolean' }, allowKindChange: { type: 'boolean' } } } },
      },
    },
    patchesStrategicMerge: strings('Strategic merge patches, each a file or written inline: deprecated, use patches.'),
    patchesJson6902: {
      type: 'array',
      description: 'JSON 6902 patches with their target: deprecated, use patches.',
      items: { type: 'object', additionalProperties: false, properties: { path: str('File holding the operations.'), patch: str('The operations, inline.'), target } },
    },
    sortOptions: {
      type: 'object',
      description: 'Output order: legacy (kind by kind, Namespaces first; the default) or fifo (as the resources were read).',
      properties: { order: { enum: ['legacy', 'fifo'] }, legacySortOptions: { type: 'object', properties: { orderFirst: strings('Kinds put first, in order.'), orderLast: strings('Kinds put last, in order.') } } },
    },
    openapi: loose('Schema for custom resources (not simulated in the playground).'),
    imageTags: loose('Deprecated spelling of images (not simulated in the playground).'),
    replacements: loose('Copy values from one field to others (not simulated in the playground).'),
    vars: loose('Deprecated: use replacements (not simulated in the playground).'),
    components: loose('Kustomize components to include (not simulated in the playground).'),
    crds: loose('Custom resource definitions (not simulated in the playground).'),
    helmGlobals: loose('Helm settings (not simulated in the playground).'),
    helmCharts: loose('Helm charts to inflate (not simulated in the playground).'),
    helmChartInflationGenerator: loose('Deprecated Helm generator (not simulated in the playground).'),
    configurations: loose('Transformer configurations (not simulated in the playground).'),
    generators: loose('Generator plugins (not simulated in the playground).'),
    transformers: loose('Transformer plugins (not simulated in the playground).'),
    validators: loose('Validator plugins (not simulated in the playground).'),
    buildMetadata: loose('Build metadata annotations (not simulated in the playground).'),
  },
} as unknown as KubernetesSchema;

/** The file names kustomize reads a kustomization from, as monaco-yaml patterns (the end of a file's URI). */
export const KUSTOMIZATION_FILE_MATCH = ['/kustomization.yaml', '/kustomization.yml', '/Kustomization'];
