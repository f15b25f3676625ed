import type { CommandSpec } from '../command';
import { longDesc } from '../text';
import { defaultSubCommandRun } from './parent';

/** `kubectl set` (kubectl `pkg/cmd/set/set.go`). */
export const setCommand: CommandSpec = {
  path: ['set'],
  use: 'set SUBCOMMAND',
  short: 'Set specific features on objects',
  long: longDesc(`
    Configure application resources.

    These commands help you make changes to existing application resources.`),
  flags: [],
  run: defaultSubCommandRun,
};
