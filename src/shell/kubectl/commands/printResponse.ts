import type { CommandContext, CommandResult } from '../command';
import { err } from '../errors';
import { parseOutputFormat } from '../printers/format/parseOutputFormat';
import { printJsonPath } from '../printers/format/jsonpath/printJsonPath';
import { toJson } from '../printers/format/toJson';
import { toYaml } from '../printers/format/yaml/toYaml';

/**
 * `-o` for an object the server answers with and does not store (a
 * SelfSubjectReview, a TokenRequest): yaml, json, name or jsonpath, as
 * cli-runtime's printers write it.
 */
export function printResponse(ctx: CommandContext, output: string, obj: Record<string, unknown>, name: string): CommandResult {
  const format = parseOutputFormat(output, ctx.flags.string('template'), (path) => ctx.env.files.read(path));
  if ('error' in format) return err.message(format.error);
  if (format.type === 'yaml') ctx.out(toYaml(obj));
  else if (format.type === 'json') ctx.out(toJson(obj));
  else if (format.type === 'name') ctx.out(`${name}\n`);
  else if (format.type === 'jsonpath') {
    const r = printJsonPath(format.template, obj, format.asJson);
    if ('error' in r) return err.message(r.error);
    ctx.out(r.text);
  } else return err.message(`error: unable to match a printer suitable for the output format "${output}"`);
  return 0;
}
