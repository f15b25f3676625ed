import type { CommandContext, CommandResult } from '../command';
import { err } from '../errors';

/**
 * `cmdutil.DefaultSubCommandRun`: a parent command run by itself prints its
 * help to stderr and exits 1; with an argument it is an unknown command.
 */
export function defaultSubCommandRun(ctx: CommandContext): CommandResult {
  if (ctx.args.length > 0) return err.usage(ctx.commandPath, `unknown command "${ctx.args.join(' ')}"`);
  ctx.errOut(ctx.help());
  return err.exit();
}
