import { goQuote } from '../../text/goFormat';
import { ExecError, execGoTemplate, isTemplateFunc } from './execGoTemplate';
import { parseGoTemplate, TemplateError, type Arg, type Node } from './parseGoTemplate';

/** The functions a template calls, for Go's parse-time check (`function "x" not defined`). */
function calls(nodes: readonly Node[], out: string[] = []): string[] {
  const ofArgs = (args: readonly Arg[]) => {
    for (const a of args) {
      if (a.kind === 'ident') out.push(a.name);
      if (a.kind === 'pipe') for (const c of a.pipe.cmds) ofArgs(c);
    }
  };
  for (const n of nodes) {
    if (n.kind === 'text') continue;
    for (const c of n.pipe.cmds) ofArgs(c);
    if (n.kind !== 'action') {
      calls(n.list, out);
      calls(n.elseList, out);
    }
  }
  return out;
}

/** Parses a template as `NewGoTemplatePrinter` does, or returns kubectl's error text. */
export function parseGoTemplateFormat(template: string): Node[] | { error: string } {
  try {
    const nodes = parseGoTemplate(template);
    const unknown = calls(nodes).find((name) => !isTemplateFunc(name));
    if (unknown !== undefined) throw new TemplateError(`template: output:1: function ${goQuote(unknown)} not defined`);
    return nodes;
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    return { error: `error parsing template ${template}, ${e.message}\n` };
  }
}

/**
 * `GoTemplatePrinter.PrintObj`: the template run on the object as JSON
 * decodes it, or kubectl's error.
 * @example printGoTemplate('{{range .items}}{{.metadata.name}}{{"\n"}}{{end}}', list) // { text: 'web-1\nweb-2\n' }
 */
export function printGoTemplate(template: string, data: unknown): { text: string } | { error: string } {
  const nodes = parseGoTemplateFormat(template);
  if ('error' in nodes) return nodes;
  try {
    return { text: execGoTemplate(nodes, data) };
  } catch (e) {
    if (!(e instanceof ExecError)) throw e;
    return { error: `error executing template ${goQuote(template)}: template: output:1: ${e.message}` };
  }
}
