import type { CommandContext, CommandResult } from '../command';
import { dryRunStrategy, printFlagsFormat } from '../common';
import { err } from '../errors';

/**
 * A generator's `Complete` checks, in kubectl's order: one NAME, a valid
 * `--dry-run`, an `-o` its PrintFlags can print. Returns the name, or the error to stop with.
 */
export function completeGeneratorName(ctx: CommandContext): string | CommandResult {
  if (ctx.args.length !== 1) return err.usage(ctx.commandPath, `exactly one NAME is required, got ${ctx.args.length}`);
  const dry = dryRunStrategy(ctx);
  if (typeof dry !== 'string') return dry;
  const format = printFlagsFormat(ctx);
  if ('error' in format) return err.message(format.error);
  return ctx.args[0];
}
