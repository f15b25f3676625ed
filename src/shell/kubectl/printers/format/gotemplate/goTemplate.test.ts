import { describe, expect, it } from 'vitest';
import { parseOutputFormat } from '../parseOutputFormat';
import { printGoTemplate } from './printGoTemplate';

const POD = { kind: 'Pod', metadata: { name: 'web-1', labels: { app: 'web', tier: 'front' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }], replicas: 3 }, status: { phase: 'Running' } };
const LIST = { apiVersion: 'v1', kind: 'List', items: [POD, { ...POD, metadata: { name: 'web-2', labels: { app: 'web' } } }], metadata: { resourceVersion: '' } };
const SVC = { kind: 'Service', spec: { ports: [{ port: 8080, nodePort: 31234, protocol: 'TCP' }] }, data: { password: 'czNjcjN0IQ==' } };

const text = (t: string, data: unknown = POD) => {
  const r = printGoTemplate(t, data);
  if ('error' in r) throw new Error(r.error);
  return r.text;
};

describe('kubectl -o go-template', () => {
  it("runs the Kubernetes Basics tutorial's templates", () => {
    expect(text('{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}', LIST)).toBe('web-1\nweb-2\n');
    expect(text('{{(index .spec.ports 0).nodePort}}', SVC)).toBe('31234');
  });

  it('prints numbers as the float64 encoding/json decodes them to, %d of one included', () => {
    expect(text('{{.spec.replicas}}')).toBe('3');
    expect(text('{{printf "%d" .spec.replicas}}')).toBe('%!d(float64=3)');
    expect(text('{{printf "%v|%s|%5.1f|%-6s|" .spec.replicas .status.phase .spec.replicas .metadata.name}}')).toBe('3|Running|  3.0|web-1 |');
    expect(text('{{1000000}} {{.big}} {{printf "%d|%03d" (len .items) 7}}', { big: 1000000, items: [1, 2] })).toBe('1000000 1e+06 2|007');
    // An int literal against a float64 from the object: text/template refuses the comparison.
    expect(printGoTemplate('{{if eq .spec.replicas 3}}three{{end}}', POD)).toEqual({ error: 'error executing template "{{if eq .spec.replicas 3}}three{{end}}": template: output:1: executing "output" at <eq .spec.replicas 3>: error calling eq: incompatible types for comparison' });
    expect(text('{{if eq .spec.replicas 3.0}}three{{end}}')).toBe('three');
  });

  it('if / else if / else, with, range with variables and else, len, eq, and, not', () => {
    expect(text('{{if eq .status.phase "Pending"}}P{{else if eq .status.phase "Running"}}R{{else}}?{{end}}')).toBe('R');
    expect(text('{{with .metadata.labels}}{{.app}}{{end}}{{with .metadata.missing}}x{{else}}none{{end}}')).toBe('webnone');
    expect(text('{{range $k, $v := .metadata.labels}}{{$k}}={{$v}};{{end}}')).toBe('app=web;tier=front;');
    expect(text('{{range .spec.volumes}}v{{else}}no volumes{{end}}')).toBe('no volumes');
    expect(text('{{$n := len .spec.containers}}{{$n}} {{and true .status.phase}} {{not .spec.replicas}}')).toBe('1 Running false');
    expect(text('{{range $i, $c := .spec.containers}}{{$i}}:{{$c.name}} {{$.metadata.name}}{{end}}')).toBe('0:nginx web-1');
  });

  it('trims blanks beside {{- and -}}, and skips comments', () => {
    expect(text('{{range .items -}}\n  {{ .metadata.name }}\n{{- end}}{{/* done */}}', LIST)).toBe('web-1web-2');
  });

  it('prints <no value> for a missing key (--allow-missing-template-keys), maps and slices as Go does', () => {
    expect(text('{{.metadata.nope}}|{{.nope.deeper}}')).toBe('<no value>|<no value>');
    expect(text('{{.metadata.labels}} {{.spec.containers}}')).toBe('map[app:web tier:front] [map[image:nginx:1.27 name:nginx]]');
  });

  it("has kubectl's exists and base64decode", () => {
    expect(text('{{exists . "spec" "ports" 0 "nodePort"}} {{exists . "spec" "ports" 3}}', SVC)).toBe('true false');
    expect(text('{{.data.password | base64decode}}', SVC)).toBe('s3cr3t!');
  });

  it('reports parse and execution errors as kubectl does', () => {
    expect(printGoTemplate('{{.metadata.name', POD)).toEqual({ error: 'error parsing template {{.metadata.name, template: output:1: unclosed action\n' });
    expect(printGoTemplate('{{range .items}}x', LIST)).toEqual({ error: 'error parsing template {{range .items}}x, template: output:1: unexpected EOF\n' });
    expect(printGoTemplate('{{frob .x}}', POD)).toEqual({ error: 'error parsing template {{frob .x}}, template: output:1: function "frob" not defined\n' });
    expect(printGoTemplate('{{index .spec.containers 5}}', POD)).toEqual({ error: 'error executing template "{{index .spec.containers 5}}": template: output:1: executing "output" at <index .spec.containers 5>: error calling index: index out of range: 5' });
  });

  it('is chosen by -o go-template=…, -o template=… or -o go-template with --template; --template serves jsonpath too', () => {
    expect(parseOutputFormat('go-template={{.metadata.name}}')).toEqual({ type: 'go-template', template: '{{.metadata.name}}' });
    expect(parseOutputFormat('template={{.kind}}')).toEqual({ type: 'go-template', template: '{{.kind}}' });
    expect(parseOutputFormat('go-template', '{{.kind}}')).toEqual({ type: 'go-template', template: '{{.kind}}' });
    expect(parseOutputFormat('go-template')).toEqual({ error: 'template format specified but no template given' });
    expect(parseOutputFormat('jsonpath', '{.kind}')).toEqual({ type: 'jsonpath', template: '{.kind}' });
  });
});
