import type { CommandContext, CommandResult } from '../command';
import { dryRunStrategy, outputFormat } from '../common';
import { err } from '../errors';

/** The formats `genericclioptions.PrintFlags` offers a generator (no table: no `wide`, no `custom-columns`). */
const PRINT_FLAGS_FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];

/**
 * A generator's `Complete` checks, in kubectl's order: one NAME, a valid
 * `--dry-run`, an `-o` its PrintFlags can print. Returns the name, or the error to stop with.
 */
export function completeGeneratorName(ctx: CommandContext): string | CommandResult {
  if (ctx.args.length !== 1) return err.usage(ctx.commandPath, `exactly one NAME is required, got ${ctx.args.length}`);
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const output = ctx.flags.string('output');
  if (output !== '' && !PRINT_FLAGS_FORMATS.includes(output.split('=')[0])) {
    return err.message(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${PRINT_FLAGS_FORMATS.join(',')}`);
  }
  const format = outputFormat(ctx);
  if ('error' in format) return err.message(format.error);
  return ctx.args[0];
}
