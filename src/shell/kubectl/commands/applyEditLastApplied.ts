import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { fieldManagerFlag, filenameFlags, objectRef, outputFlag, recordFlag, templateFlags, validateFlag } from '../common';
import { err } from '../errors';
import { examples, longDesc } from '../text';
import { isError, visitLastApplied, type SourcedTarget } from './applyLastAppliedTargets';

/**
 * `kubectl apply edit-last-applied` (kubectl `pkg/cmd/apply/apply_edit_last_applied.go`):
 * real kubectl opens the annotation in $EDITOR, which a browser terminal
 * cannot run. It checks the arguments as kubectl would, then says how to make
 * the same change with view-last-applied and set-last-applied.
 */
export const applyEditLastAppliedCommand: CommandSpec = {
  path: ['apply', 'edit-last-applied'],
  use: 'edit-last-applied (RESOURCE/NAME | -f FILENAME)',
  short: 'Edit latest last-applied-configuration annotations of a resource/object',
  long: longDesc(`
    Edit the latest last-applied-configuration annotations of resources from the default editor.

    The edit-last-applied command allows you to directly edit any API resource you can retrieve via the
    command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR
    environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows.
    You can edit multiple objects, although changes are applied one at a time. The command
    accepts file names as well as command-line arguments, although the files you point to must
    be previously saved versions of resources.

    The default format is YAML. To edit in JSON, specify "-o json".

    The flag --windows-line-endings can be used to force Windows line endings,
    otherwise the default for your operating system will be used.

    In the event an error occurs while updating, a temporary file will be created on disk
    that contains your unapplied changes. The most common error when updating a resource
    is another editor changing the resource on the server. When this occurs, you will have
    to apply your changes to the newer version of the resource, or update your temporary
    saved copy to include the latest resource version.`),
  example: examples(`
    # Edit the last-applied-configuration annotations by type/name in YAML
    kubectl apply edit-last-applied deployment/nginx

    # Edit the last-applied-configuration annotations by file in JSON
    kubectl apply edit-last-applied -f deploy.yaml -o json`),
  completion: 'resource',
  // Parsed only: the playground has no editor, so the command explains how to make the change instead.
  flags: [
    fieldManagerFlag('kubectl-client-side-apply'),
    ...filenameFlags('to use to edit the resource'),
    outputFlag('json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file'),
    recordFlag,
    ...templateFlags,
    validateFlag,
    { name: 'windows-line-endings', type: 'bool', usage: 'Defaults to the line ending native to your platform.' },
  ],
  run: runEditLastApplied,
};

function runEditLastApplied(ctx: CommandContext): CommandResult {
  const visited = visitLastApplied(ctx, ctx.args, { selector: false, all: false });
  if (!Array.isArray(visited)) return visited;
  const failed = visited.find(isError);
  if (failed) return failed;
  const refs = visited.filter((v): v is SourcedTarget => !isError(v)).map(({ info, obj }) => objectRef(info, obj.metadata.name));
  if (refs.length === 0) return err.message('edit cancelled, no objects found');
  const first = refs[0];
  const file = `${first.slice(first.indexOf('/') + 1)}-last-applied.yaml`;
  return err.message(
    [
      `not simulated: kubectl apply edit-last-applied opens a text editor ($KUBE_EDITOR, $EDITOR or vi), and the playground's terminal has none.`,
      `To change the last-applied configuration of ${refs.join(', ')}: save it with "kubectl apply view-last-applied ${first} > ${file}",`,
      `change ${file} in the YAML editor, then run "kubectl apply set-last-applied -f ${file}".`,
    ].join('\n'),
  );
}
