import type { KubeObject } from '../../../sim/k8s/index';
import { appendHashIfAsked } from '../contentHash';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, fieldManagerFlag, templateFlags, validateFlag } from '../common';
import { createGenerated } from '../createObject';
import { err } from '../errors';
import type { FlagSpec } from '../flags';
import { examples, longDesc } from '../text';
import { readDataSources } from './configSources';

export const outputFlag: FlagSpec = { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' };
export const saveConfigFlag: FlagSpec = { name: 'save-config', type: 'bool', usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." };
export const appendHashFlag: FlagSpec = { name: 'append-hash', type: 'bool', usage: 'Append a hash of the configmap to its name.' };
export const sourceFlags: FlagSpec[] = [
  { name: 'from-env-file', type: 'stringSlice', default: '[]', usage: 'Specify the path to a file to read lines of key=val pairs to create a configmap.' },
  { name: 'from-file', type: 'stringSlice', default: '[]', usage: "Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key." },
  { name: 'from-literal', type: 'stringArray', default: '[]', usage: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)' },
];

/** `kubectl create configmap` (kubectl `pkg/cmd/create/create_configmap.go`). */
export const createConfigMapCommand: CommandSpec = {
  path: ['create', 'configmap'],
  use: 'configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  long: longDesc(`
    Create a config map based on a file, directory, or specified literal value.

    A single config map may package one or more key/value pairs.

    When creating a config map based on a file, the key will default to the basename of the file, and the value will default to the file content.  If the basename is an invalid key, you may specify an alternate key.

    When creating a config map based on a directory, each file whose basename is a valid key in the directory will be packaged into the config map.  Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).`),
  example: examples(`
    # Create a new config map named my-config based on folder bar
    kubectl create configmap my-config --from-file=path/to/bar

    # Create a new config map named my-config with specified keys instead of file basenames on disk
    kubectl create configmap my-config --from-file=key1=/path/to/bar/file1.txt --from-file=key2=/path/to/bar/file2.txt

    # Create a new config map named my-config with key1=config1 and key2=config2
    kubectl create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2

    # Create a new config map named my-config from the key=value pairs in the file
    kubectl create configmap my-config --from-file=path/to/bar

    # Create a new config map named my-config from an env file
    kubectl create configmap my-config --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`),
  flags: [appendHashFlag, dryRunFlag, fieldManagerFlag('kubectl-create'), ...sourceFlags, outputFlag, saveConfigFlag, ...templateFlags, validateFlag].sort((a, b) => (a.name < b.name ? -1 : 1)),
  run: runCreateConfigMap,
};

function runCreateConfigMap(ctx: CommandContext): CommandResult {
  if (ctx.args.length !== 1) return err.usage(ctx.commandPath, `exactly one NAME is required, got ${ctx.args.length}`);
  if (ctx.flags.list('from-file').length > 0 && ctx.flags.list('from-env-file').length > 0) return err.message('from-env-file cannot be combined with from-file or from-literal');
  if (ctx.flags.list('from-literal').length > 0 && ctx.flags.list('from-env-file').length > 0) return err.message('from-env-file cannot be combined with from-file or from-literal');
  const name = ctx.args[0];
  const sources = readDataSources(ctx, 'ConfigMap', name);
  if (!sources.ok) return err.message(sources.message);
  const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { creationTimestamp: null as unknown as string, name } };
  if (sources.data.length) cm.data = Object.fromEntries(sources.data);
  return createGenerated(ctx, appendHashIfAsked(ctx, cm));
}
