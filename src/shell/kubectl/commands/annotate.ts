import type { CommandSpec } from '../command';
import { dryRunFlag, fieldManagerFlag, filenameFlags, templateFlags } from '../common';
import { runMetadataEdit } from '../metadataEdit';
import { examples, longDesc, SUGGEST_API_RESOURCES } from '../text';

/** `kubectl annotate` (kubectl `pkg/cmd/annotate/annotate.go`). */
export const annotateCommand: CommandSpec = {
  path: ['annotate'],
  use: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  short: 'Update the annotations on a resource',
  long: longDesc(`
    Update the annotations on one or more resources.

    All Kubernetes objects support the ability to store additional data with the object as
    annotations. Annotations are key/value pairs that can be larger than labels and include
    arbitrary string values such as structured JSON. Tools and system extensions may use
    annotations to store their own data.

    Attempting to set an annotation that already exists will fail unless --overwrite is set.
    If --resource-version is specified and does not match the current resource version on
    the server the command will fail.`) + SUGGEST_API_RESOURCES,
  example: examples(`
    # Update pod 'foo' with the annotation 'description' and the value 'my frontend'
    # If the same annotation is set multiple times, only the last value will be applied
    kubectl annotate pods foo description='my frontend'

    # Update a pod identified by type and name in "pod.json"
    kubectl annotate -f pod.json description='my frontend'

    # Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value
    kubectl annotate --overwrite pods foo description='my frontend running nginx'

    # Update all pods in the namespace
    kubectl annotate pods --all description='my frontend running nginx'

    # Update pod 'foo' only if the resource is unchanged from version 1
    kubectl annotate pods foo description='my frontend running nginx' --resource-version=1

    # Update pod 'foo' by removing an annotation named 'description' if it exists
    # Does not require the --overwrite flag
    kubectl annotate pods foo description-`),
  completion: 'resource',
  flags: [
    { name: 'all', type: 'bool', usage: 'Select all resources, in the namespace of the specified resource types.' },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: 'If true, check the specified action in all namespaces.' },
    dryRunFlag,
    fieldManagerFlag('kubectl-annotate'),
    { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    ...filenameFlags('identifying the resource to update the annotation'),
    { name: 'list', type: 'bool', usage: 'If true, display the annotations for a given resource.' },
    { name: 'local', type: 'bool', usage: 'If true, annotation will NOT contact api-server but run locally.' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'overwrite', type: 'bool', usage: 'If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.' },
    { name: 'resource-version', type: 'string', usage: 'If non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    ...templateFlags,
  ],
  run: (ctx) => runMetadataEdit(ctx, 'annotations'),
};
