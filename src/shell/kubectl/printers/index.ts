/**
 * kubectl's printers: `get` tables (printers.go + cli-runtime's table
 * printer), `-o yaml|json|name|jsonpath|custom-columns`, `describe`, and
 * the Go text/tabwriter they all align with. The public surface of
 * `src/shell/kubectl/printers`.
 */
export type { PrintContext, TableOptions, OutputFormat } from './types';
export { printTable } from './table/printTable';
export { podStatusText } from './table/podStatus';
export { TABLE_PRINTERS } from './table/index';
export { parseOutputFormat } from './format/parseOutputFormat';
export { printObjects, type PrintObjectsOptions } from './format/printObjects';
export { toYaml } from './format/yaml/toYaml';
export { toJson } from './format/toJson';
export { describe } from './describe/index';
export { describePodTemplate } from './describe/describePodTemplate';
export { sortObjects } from './sort/sortObjects';
export { tabwrite } from './text/tabwrite';
