import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { fieldManagerFlag, filenameFlags, objectRef, outputFlag, templateFlags, validateFlag } from '../common';
import { err } from '../errors';
import { resolveTargets } from '../targets';
import { examples, longDesc } from '../text';

/**
 * `kubectl edit` (kubectl `pkg/cmd/edit/edit.go`): real kubectl opens the
 * object in $EDITOR, which a browser terminal cannot run. It checks the
 * arguments as kubectl would, then says how to make the same change here.
 */
export const editCommand: CommandSpec = {
  path: ['edit'],
  use: 'edit (RESOURCE/NAME | -f FILENAME)',
  short: 'Edit a resource on the server',
  long: longDesc(`
    Edit a resource from the default editor.

    The edit command allows you to directly edit any API resource you can retrieve via the
    command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR
    environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows.
    When attempting to open the editor, it will first attempt to use the shell
    that has been defined in the 'SHELL' environment variable. If this is not defined,
    the default shell will be used, which is '/bin/bash' for Linux or 'cmd' for Windows.

    You can edit multiple objects, although changes are applied one at a time. The command
    accepts file names as well as command-line arguments, although the files you point to must
    be previously saved versions of resources.

    Editing is done with the API version used to fetch the resource.
    To edit using a specific API version, fully-qualify the resource, version, and group.

    The default format is YAML. To edit in JSON, specify "-o json".

    The flag --windows-line-endings can be used to force Windows line endings,
    otherwise the default for your operating system will be used.

    In the event an error occurs while updating, a temporary file will be created on disk
    that contains your unapplied changes. The most common error when updating a resource
    is another editor changing the resource on the server. When this occurs, you will have
    to apply your changes to the newer version of the resource, or update your temporary
    saved copy to include the latest resource version.`),
  example: examples(`
    # Edit the service named 'registry'
    kubectl edit svc/registry

    # Use an alternative editor
    KUBE_EDITOR="nano" kubectl edit svc/registry

    # Edit the job 'myjob' in JSON using the v1 API format
    kubectl edit job.v1.batch/myjob -o json

    # Edit the deployment 'mydeployment' in YAML and save the modified config in its annotation
    kubectl edit deployment/mydeployment -o yaml --save-config

    # Edit the 'status' subresource for the 'mydeployment' deployment
    kubectl edit deployment mydeployment --subresource='status'`),
  completion: 'resource',
  // Parsed only: the playground has no editor, so edit explains how to make the change instead (runEdit).
  flags: [
    ...filenameFlags('to use to edit the resource'),
    fieldManagerFlag('kubectl-edit'),
    outputFlag('json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file'),
    { name: 'output-patch', type: 'bool', usage: 'Output the patch if the resource is edited.' },
    { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' },
    { name: 'subresource', type: 'string', usage: 'If specified, edit will operate on the subresource of the requested object. This flag is beta and may change in the future.' },
    ...templateFlags,
    validateFlag,
    { name: 'windows-line-endings', type: 'bool', usage: 'Defaults to the line ending native to your platform.' },
  ],
  run: runEdit,
};

function runEdit(ctx: CommandContext): CommandResult {
  const resolved = resolveTargets(ctx, ctx.args, { selector: false });
  if ('type' in resolved) return resolved;
  if (resolved.errors.length) return resolved.errors.length === 1 ? resolved.errors[0] : err.aggregate(resolved.errors);
  const refs = resolved.targets.map(({ info, obj }) => objectRef(info, obj.metadata.name));
  const first = refs[0];
  return err.message(
    [
      `not simulated: kubectl edit opens a text editor ($KUBE_EDITOR, $EDITOR or vi), and the playground's terminal has none.`,
      `To change ${refs.join(', ')}: show its YAML with "kubectl get ${first} -o yaml", copy it into a file in the YAML editor, change it there and press Apply;`,
      'or change single fields from here with kubectl patch, kubectl set image|env|resources, kubectl scale, kubectl label or kubectl annotate.',
    ].join('\n'),
  );
}
