/**
 * The printers kubectl uses (tables, -o formats, describe), from
 * `./printers`, plus the few helpers the commands add on top.
 */
import type { OutputFormat } from './printers/index';

export { describe, describePodTemplate, parseOutputFormat, podStatusText, printObjects, printTable, sortObjects, tabwrite, toJson, toYaml } from './printers/index';
export type { OutputFormat, PrintContext, TableOptions } from './printers/index';

/** Whether `-o` asks for a table (default or wide). */
export function isTable(format: OutputFormat): boolean {
  return format.type === 'table' || format.type === 'wide';
}
