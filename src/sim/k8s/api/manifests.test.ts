import { describe, it, expect } from 'vitest';
import { parseManifests } from './manifests';

/** Messages produced by sigs.k8s.io/yaml 1.3 + go-yaml v2 (run with Go) for the same input. */
const GO_YAML_ERRORS: [string, string][] = [
  ['a: b: c\n', 'yaml: mapping values are not allowed in this context'],
  ['a: 1\n b: 2\n', 'yaml: line 2: mapping values are not allowed in this context'],
  ['key: value\n  other: x\n', 'yaml: line 2: mapping values are not allowed in this context'],
  ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n    labels: {}\n', 'yaml: line 5: mapping values are not allowed in this context'],
  ['a: b\n\n\nc: d: e\n', 'yaml: line 4: mapping values are not allowed in this context'],
  ['a:\n  b: c\n   d: e\n', 'yaml: line 3: mapping values are not allowed in this context'],
  ['x: 1\ny: 2\na: 1\n  b: [\n', 'yaml: line 4: mapping values are not allowed in this context'],
  ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n labels: {}\n', 'yaml: line 4: did not find expected key'],
  ['a:\n  - b\n  c: d\n', "yaml: line 2: did not find expected '-' indicator"],
  ['- a\nb: 1\n', "yaml: line 1: did not find expected '-' indicator"],
  ['a: b\n- c\n', 'yaml: line 1: did not find expected key'],
  ['a: 1\n- b\n', 'yaml: line 1: did not find expected key'],
  ['a:\n  - b\n - c\n', 'yaml: line 2: did not find expected key'],
  ['a: |\n  x\n y\n', 'yaml: line 2: did not find expected key'],
  ['a:\n  b: c\n d: e\n', 'yaml: line 2: did not find expected key'],
  ['x: 1\ny: 2\nz:\n  - a\n  - b\n - c\n', 'yaml: line 5: did not find expected key'],
  ['x:\n  y: 1\n  z: 2\n w: 3\n', 'yaml: line 3: did not find expected key'],
  ['containers:\n- name: a\n  image: b\n  ports:\n  - containerPort: 80\n   name: http\n', 'yaml: line 5: did not find expected key'],
  ['a: [1, 2\n', "yaml: line 1: did not find expected ',' or ']'"],
  ['a: {b: 1\n', "yaml: line 1: did not find expected ',' or '}'"],
  ['a: "abc\n', 'yaml: line 2: found unexpected end of stream'],
  ["a: 'abc\n", 'yaml: line 2: found unexpected end of stream'],
  ['a: 1\n"b\n', 'yaml: line 3: found unexpected end of stream'],
  ['a:\n- b\n- c\nd: "x\n', 'yaml: line 5: found unexpected end of stream'],
  ['a:\n\tb: 1\n', 'yaml: line 2: found character that cannot start any token'],
  ['a:\n  b: 1\n\tc: 2\n', 'yaml: line 3: found a tab character that violates indentation'],
  ['a: 1\nb: 2\n\tc: 3\n', 'yaml: line 3: found a tab character that violates indentation'],
  ['a: @x\n', 'yaml: found character that cannot start any token'],
  ['a: `x\n', 'yaml: found character that cannot start any token'],
  ['a:\n  b: c\n  d: @\n', 'yaml: line 3: found character that cannot start any token'],
  ['a: "\\q"\n', 'yaml: found unknown escape character'],
  ['a:\n  b: c\n  d: "\\q"\n', 'yaml: line 3: found unknown escape character'],
  ['a: *nope\n', 'yaml: unknown anchor \'nope\' referenced'],
  ['a: !!int x\n', 'yaml: cannot decode !!str `x` as a !!int'],
];

describe('parseManifests', () => {
  it.each(GO_YAML_ERRORS)('words the syntax error in %j as go-yaml does', (text, expected) => {
    const r = parseManifests(text);
    expect(r.error?.message).toBe(`error converting YAML to JSON: ${expected}`);
  });

  it('refuses an alias bomb ("billion laughs") as go-yaml does, without expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + prev).join(',')}]`);
    }
    const r = parseManifests(`${levels.join('\n')}\n`);
    expect(r.documents).toEqual([]);
    expect(r.error?.message).toBe('error converting YAML to JSON: yaml: document contains excessive aliasing');
  });

  it('still expands ordinary aliases and merge keys', () => {
    const r = parseManifests('base: &b {app: web, tier: front}\nlabels:\n  <<: *b\n  tier: back\nlist: [*b, *b]\n');
    expect(r.error).toBeUndefined();
    expect(r.documents[0].value).toEqual({ base: { app: 'web', tier: 'front' }, labels: { app: 'web', tier: 'back' }, list: [{ app: 'web', tier: 'front' }, { app: 'web', tier: 'front' }] });
  });

  it('counts go-yaml lines from the start of the document, not the file', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n    labels: {}\n';
    const r = parseManifests(text);
    expect(r.documents).toHaveLength(1);
    expect(r.error).toEqual({
      message: 'error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context',
      position: { line: 10, column: 11 },
      documentIndex: 1,
    });
  });

  it('returns the documents before a syntax error', () => {
    const r = parseManifests('a: 1\n---\nb: 2\n---\nc: [\n');
    expect(r.documents.map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }]);
    expect(r.error?.documentIndex).toBe(2);
  });

  it('skips empty and comment-only documents but keeps their index', () => {
    const r = parseManifests('---\n# nothing\n---\n\n---\nkind: A\n---\nnull\n---\nkind: B\n');
    expect(r.documents.map((d) => [d.index, d.value])).toEqual([
      [2, { kind: 'A' }],
      [4, { kind: 'B' }],
    ]);
  });

  it('rejects a separator followed by content as YAMLReader does', () => {
    const r = parseManifests('a: 1\n--- {b: 2}\n');
    expect(r.error?.message).toBe('invalid Yaml document separator: {b: 2}');
    expect(r.documents).toHaveLength(0);
  });

  it('resolves scalars with YAML 1.1 rules as go-yaml v2 does', () => {
    const text =
      'a: 0755\nb: 0x1F\nc: 1_000\nd: 1e3\ne: yes\nf: ~\ng: 2024-01-01\nh: 1.0\ni: .5\nj: +1\nk: 0o17\nl: 012.5\nm: 1:20\nr: 0b101\nt: 08\nu: 1e-3\nv: 12e\nw: 2024-01-01T10:00:00Z\nz: -.5\no: off\nq: "yes"\n';
    expect(parseManifests(text).documents[0].value).toEqual({
      a: 493, b: 31, c: 1000, d: 1000, e: true, f: null, g: '2024-01-01', h: 1, i: 0.5, j: 1, k: 15, l: 12.5, m: '1:20', r: 5, t: 8, u: 0.001, v: '12e',
      w: '2024-01-01T10:00:00Z', z: -0.5, o: false, q: 'yes',
    });
  });

  it('turns non-string keys into strings and lets the last duplicate key win', () => {
    expect(parseManifests('1: a\ntrue: b\n1.5: c\ny: d\n').documents[0].value).toEqual({ '1': 'a', true: 'd', '1.5': 'c' });
    expect(parseManifests('a: 1\nb: 2\na: 3\n').documents[0].value).toEqual({ a: 3, b: 2 });
  });

  it('expands anchors, aliases and merge keys', () => {
    const r = parseManifests('a: &x {b: 1, c: 2}\nd:\n  <<: *x\n  c: 3\ne: [*x]\n');
    expect(r.documents[0].value).toEqual({ a: { b: 1, c: 2 }, d: { b: 1, c: 3 }, e: [{ b: 1, c: 2 }] });
  });

  it('accepts flow style with trailing commas (KYAML)', () => {
    const r = parseManifests('---\n{\n  apiVersion: "v1",\n  kind: "Pod",\n  metadata: {name: "x",},\n  spec: {containers: [{name: "a", image: "nginx",},],},\n}\n');
    expect(r.error).toBeUndefined();
    expect(r.documents[0].value).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'a', image: 'nginx' }] } });
  });

  it('reads a file starting with { as JSON, as kubectl does (KYAML needs its leading ---)', () => {
    expect(parseManifests('{kind: "A"}\n').error?.message).toBe("json: line 0: invalid character 'k' looking for beginning of object key string");
  });

  it('reads JSON objects, one after another', () => {
    const r = parseManifests('{"kind": "A", "n": 1}\n{"kind": "B"}\n');
    expect(r.documents.map((d) => d.value)).toEqual([{ kind: 'A', n: 1 }, { kind: 'B' }]);
  });

  it('words JSON syntax errors as encoding/json does', () => {
    expect(parseManifests('{\n  "a": 1,\n}\n').error?.message).toBe("json: line 2: invalid character '}' looking for beginning of object key string");
    expect(parseManifests('{"a" 1}').error?.message).toBe("json: line 0: invalid character '1' after object key");
    expect(parseManifests('{"a": 1 "b": 2}').error?.message).toBe('json: line 0: invalid character \'"\' after object key:value pair');
  });

  it('points at keys and items by field path, falling back to the nearest ancestor', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx\n';
    const d = parseManifests(text).documents[0];
    expect(d.start).toEqual({ line: 1, column: 1 });
    expect(d.positionOf(['spec', 'template', 'spec', 'containers', 0, 'image'])).toEqual({ line: 10, column: 9 });
    expect(d.positionOf(['spec', 'template', 'spec', 'containers', 0])).toEqual({ line: 9, column: 9 });
    expect(d.positionOf(['spec', 'replicas'])).toEqual({ line: 5, column: 1 });
    expect(d.positionOf(['spec', 'template', 'spec', 'containers', 3, 'name'])).toEqual({ line: 8, column: 7 });
  });

  it('flattens a List into its items with working positions', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: b\n';
    const r = parseManifests(text);
    expect(r.documents.map((d) => (d.value as { kind: string }).kind)).toEqual(['Pod', 'Service']);
    expect(r.documents[1].start).toEqual({ line: 8, column: 3 });
    expect(r.documents[1].positionOf(['metadata', 'name'])).toEqual({ line: 11, column: 5 });
    expect(r.documents.every((d) => d.index === 0)).toBe(true);
  });

  it('gives list items without kind the list kind minus List', () => {
    const r = parseManifests('apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: a}\n');
    expect(r.documents[0].value).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } });
  });
});
