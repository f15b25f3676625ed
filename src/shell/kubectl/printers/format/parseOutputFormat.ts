import type { OutputFormat } from '../types';
import { parseGoTemplateFormat } from './gotemplate/printGoTemplate';
import { parseTemplate } from './jsonpath/printJsonPath';
import { parseCustomColumns } from './customColumns';

/** The formats `kubectl get -o` accepts, as its error message lists them. */
const ALLOWED = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

function noPrinter(format: string): { error: string } {
  return { error: `unable to match a printer suitable for the output format "${format}", allowed formats are: ${ALLOWED}` };
}

/** Drops quotes a shell would have removed (`jsonpath='{...}'`). */
function unquote(s: string): string {
  if (s.length >= 2 && (s[0] === "'" || s[0] === '"') && s[s.length - 1] === s[0]) return s.slice(1, -1);
  return s;
}

/**
 * Parses `-o` the way kubectl's PrintFlags do (json/yaml case-insensitive,
 * `jsonpath=…`, `go-template=…` or `template=…`, `custom-columns=…`; the
 * template may come from `--template` instead), or returns kubectl's error text.
 */
export function parseOutputFormat(flag: string, templateArg = '', read: (path: string) => string | undefined = () => undefined): OutputFormat | { error: string } {
  const lower = flag.toLowerCase();
  // The -file formats read their template from the file named after `=` (or by --template).
  const file = /^(jsonpath-file|go-template-file|templatefile|custom-columns-file)(=|$)/.exec(flag);
  if (file) {
    const path = templateArg || flag.slice(file[0].length);
    if (path.length === 0) return { error: 'template format specified but no template given' };
    const text = read(path);
    if (text === undefined) return { error: `error reading ${file[1] === 'custom-columns-file' ? 'template' : '--template'} ${path}, open ${path}: no such file or directory` };
    if (file[1] === 'jsonpath-file') return parseOutputFormat(`jsonpath=${text}`);
    if (file[1] !== 'custom-columns-file') return parseOutputFormat(`go-template=${text}`);
    return customColumnsFile(text);
  }
  if (flag === '') return { type: 'table' };
  if (flag === 'wide') return { type: 'wide' };
  if (lower === 'json') return { type: 'json' };
  if (lower === 'yaml') return { type: 'yaml' };
  if (flag === 'name') return { type: 'name' };
  const jsonpath = /^(jsonpath|jsonpath-as-json)(=|$)/.exec(flag);
  if (jsonpath) {
    const template = templateArg || unquote(flag.slice(jsonpath[0].length));
    if (template.length === 0) return { error: 'template format specified but no template given' };
    const parsed = parseTemplate(template);
    if ('error' in parsed) return parsed;
    return jsonpath[1] === 'jsonpath' ? { type: 'jsonpath', template } : { type: 'jsonpath', template, asJson: true };
  }
  const go = /^(go-template|template)(=|$)/.exec(flag);
  if (go) {
    const template = templateArg || flag.slice(go[0].length);
    if (template.length === 0) return { error: 'template format specified but no template given' };
    const parsed = parseGoTemplateFormat(template);
    if ('error' in parsed) return parsed;
    return { type: 'go-template', template };
  }
  if (flag === 'custom-columns' || flag.startsWith('custom-columns=')) {
    const spec = unquote(flag.slice('custom-columns='.length));
    const columns = parseCustomColumns(spec);
    if ('error' in columns) return columns;
    return { type: 'custom-columns', spec };
  }
  return noPrinter(flag);
}

/** `NewCustomColumnsPrinterFromTemplate`: headers on the first line, their JSONPath expressions on the second. */
function customColumnsFile(text: string): OutputFormat | { error: string } {
  const lines = text.split('\n');
  const headers = (lines[0] ?? '').trim().split(/\s+/).filter(Boolean);
  const specs = (lines[1] ?? '').trim().split(/\s+/).filter(Boolean);
  if (headers.length !== specs.length) return { error: `number of headers (${headers.length}) and field specifications (${specs.length}) don't match` };
  return parseOutputFormat(`custom-columns=${headers.map((h, i) => `${h}:${specs[i]}`).join(',')}`);
}
