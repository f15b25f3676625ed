import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { filenameFlags, selectorFlag } from '../common';
import { LAST_APPLIED_ANNOTATION } from '../engineApi';
import { err } from '../errors';
import { goJsonSyntaxError } from '../goJsonSyntax';
import { toYaml } from '../printerApi';
import { indentJson } from '../printers/format/wireJson';
import { examples, longDesc } from '../text';
import { isError, visitLastApplied } from './applyLastAppliedTargets';

/** `kubectl apply view-last-applied` (kubectl `pkg/cmd/apply/apply_view_last_applied.go`). */
export const applyViewLastAppliedCommand: CommandSpec = {
  path: ['apply', 'view-last-applied'],
  use: 'view-last-applied (TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME)',
  short: 'View the latest last-applied-configuration annotations of a resource/object',
  long: longDesc(`
    View the latest last-applied-configuration annotations by type/name or file.

    The default output will be printed to stdout in YAML format. You can use the -o option
    to change the output format.`),
  example: examples(`
    # View the last-applied-configuration annotations by type/name in YAML
    kubectl apply view-last-applied deployment/nginx

    # View the last-applied-configuration annotations by file in JSON
    kubectl apply view-last-applied -f deploy.yaml -o json`),
  completion: 'resource',
  flags: [
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types' },
    ...filenameFlags('that contains the last-applied-configuration annotations'),
    { name: 'output', shorthand: 'o', type: 'string', default: 'yaml', usage: 'Output format. Must be one of (yaml, json)' },
    selectorFlag,
  ],
  run: runViewLastApplied,
};

/**
 * Complete collects every annotation first (an object named by a file but
 * without one stops it; one named by argument or selector is skipped, as
 * upstream's `AddSourceToErr(…, "", nil)` returns no error); Run prints them.
 */
function runViewLastApplied(ctx: CommandContext): CommandResult {
  const visited = visitLastApplied(ctx, ctx.args, { selector: true, all: true });
  if (!Array.isArray(visited)) return visited;
  const configs: string[] = [];
  for (const v of visited) {
    if (isError(v)) return v;
    const config = v.obj.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
    if (config !== undefined) configs.push(config);
    else if (v.source) return err.message(`error when no last-applied-configuration annotation found on resource: ${v.obj.metadata.name}\n "${v.source}": <nil>`);
  }
  const output = ctx.flags.string('output');
  for (const config of configs) {
    if (output !== 'json' && output !== 'yaml') return err.usage(ctx.commandPath, `Unexpected -o output mode: ${output}, the flag 'output' must be one of yaml|json`);
    const syntax = goJsonSyntaxError(config);
    if (syntax !== undefined) return err.message(syntax);
    const text = output === 'json' ? indentJson(config) : toYaml(JSON.parse(config));
    if (text) ctx.out(text);
  }
  return 0;
}

