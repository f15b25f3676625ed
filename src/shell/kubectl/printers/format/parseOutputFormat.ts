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
export function parseOutputFormat(flag: string, templateArg = ''): OutputFormat | { error: string } {
  const lower = flag.toLowerCase();
  if (flag === '') return { type: 'table' };
  if (flag === 'wide') return { type: 'wide' };
  if (lower === 'json') return { type: 'json' };
  if (lower === 'yaml') return { type: 'yaml' };
  if (flag === 'name') return { type: 'name' };
  if (flag === 'jsonpath' || flag.startsWith('jsonpath=')) {
    const template = templateArg || unquote(flag.slice('jsonpath='.length));
    if (template.length === 0) return { error: 'template format specified but no template given' };
    const parsed = parseTemplate(template);
    if ('error' in parsed) return parsed;
    return { type: 'jsonpath', template };
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
  const eq = flag.indexOf('=');
  return noPrinter(eq >= 0 && ['jsonpath-file', 'jsonpath-as-json', 'go-template-file', 'templatefile', 'custom-columns-file'].includes(flag.slice(0, eq)) ? flag.slice(0, eq) : flag);
}
