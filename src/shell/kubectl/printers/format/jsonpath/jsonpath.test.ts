import { describe, expect, it } from 'vitest';
import { findResults } from './evaluateJsonPath';
import { parseJsonPath } from './parseJsonPath';
import { printJsonPath } from './printJsonPath';

// Cases ported from client-go util/jsonpath/jsonpath_test.go (expected outputs upstream's).

function run(template: string, input: unknown, allowMissingKeys = false): string {
  const root = parseJsonPath(template);
  const groups = findResults(root, input, { allowMissingKeys });
  return groups
    .map((g) => g.map((v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v === null ? '<nil>' : String(v))).join(' '))
    .join('');
}

function runError(template: string, input: unknown): string {
  try {
    run(template, input);
    return 'nil';
  } catch (e) {
    return (e as Error).message;
  }
}

const types = {
  bools: [true, false, true, false],
  integers: [1, 2, 3, 4],
  floats: [1.0, 2.2, 3.3, 4.0],
  strings: ['one', 'two', 'three', 'four'],
  interfaces: [true, 'one', 1, 1.1],
  maps: [
    { name: 'one', value: 1 },
    { name: 'two', value: 2.02 },
    { name: 'three', value: 3.03 },
    { name: 'four', value: 4.04 },
  ],
};

const nodes = {
  kind: 'List',
  items: [
    { kind: 'None', metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } }, status: { capacity: { cpu: '4' }, ready: true, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] } },
    {
      kind: 'None',
      metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } },
      status: {
        capacity: { cpu: '8' },
        ready: false,
        addresses: [
          { type: 'LegacyHostIP', address: '127.0.0.2' },
          { type: 'another', address: '127.0.0.3' },
        ],
      },
    },
  ],
  users: [
    { name: 'myself', user: {} },
    { name: 'e2e', user: { username: 'admin', password: 'secret' } },
  ],
};

describe('jsonpath slices and indexes (client-go TestTypesInput)', () => {
  const cases: [string, string][] = [
    ['{ .bools }', '[true,false,true,false]'],
    ['{ .bools[0] }', 'true'],
    ['{ .bools[-1] }', 'false'],
    ['{ .bools[0:2] }', 'true false'],
    ['{ .bools[:4:2] }', 'true true'],
    ['{ .integers[-2] }', '3'],
    ['{ .floats[-2] }', '3.3'],
    ['{ .floats[:4:2] }', '1 3.3'],
    ['{ .strings }', '["one","two","three","four"]'],
    ['{ .interfaces[:4:2] }', 'true 1'],
    ['{ .maps[0] }', '{"name":"one","value":1}'],
    ['{ .maps[1::2] }', '{"name":"two","value":2.02} {"name":"four","value":4.04}'],
  ];
  for (const [tpl, want] of cases) it(`${tpl} prints ${want}`, () => expect(printJsonPath(tpl, types)).toEqual({ text: want }));
});

describe('jsonpath on Kubernetes-shaped data (client-go TestKubernetes)', () => {
  const cases: [string, string][] = [
    ['{range .items[*]}{.metadata.name}, {end}{.kind}', '127.0.0.1, 127.0.0.2, List'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{end}', '127.0.0.1\t127.0.0.2\t'],
    ['{.items[*].status.addresses[*].address}', '127.0.0.1 127.0.0.2 127.0.0.3'],
    ['{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}', '127.0.0.1, 127.0.0.2, 127.0.0.3, '],
    ['{.items[*].metadata.name}', '127.0.0.1 127.0.0.2'],
    ["{.items[*]['metadata.name', 'status.capacity']}", '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
    ['{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] '],
    ['{.users[?(@.name=="e2e")].user.password}', 'secret'],
    ['{.items[0].metadata.labels.kubernetes\\.io/hostname}', '127.0.0.1'],
    ['{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', 'None'],
    ['{.items[?(@..ready==true)].metadata.name}', '127.0.0.1'],
  ];
  for (const [tpl, want] of cases) it(`${tpl}`, () => expect(run(tpl, nodes)).toBe(want));

  it('walks recursive descent over every name', () => expect(run('{..name}', nodes).split(' ').sort()).toEqual(['127.0.0.1', '127.0.0.2', 'e2e', 'myself']));
});

describe('jsonpath ranges', () => {
  const data = {
    items: [
      { metadata: { name: 'pod1' }, spec: { containers: [{ name: 'foo', another: [{ name: 'value1' }, { name: 'value2' }] }, { name: 'bar', another: [{ name: 'value1' }, { name: 'value2' }] }] } },
      { metadata: { name: 'pod2' }, spec: { containers: [{ name: 'baz', another: [{ name: 'value1' }, { name: 'value2' }] }] } },
    ],
  };
  it('prints nothing for an empty range', () => {
    expect(run('{range .items[*]}{.metadata.name}{end}', { items: [] }, true)).toBe('');
    expect(run('{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', { items: [] }, true)).toBe('');
  });
  it('nests ranges', () => {
    expect(run('{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', data)).toBe('pod1:foo,bar,+pod2:baz,+');
    expect(
      run('{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}', data),
    ).toBe('pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#');
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}', data)).toBe(
      'pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n',
    );
  });
  it('filters inside a range and skips items missing the field', () => {
    const pods = { kind: 'List', items: [{ kind: 'Pod', metadata: { name: 'pod1' }, status: { phase: 'Running' } }, { kind: 'Pod', metadata: { name: 'pod2' }, status: { phase: 'Running' } }, { resourceVersion: '' }] };
    expect(run('{range .items[?(.status.phase=="Running")]}{.metadata.name}{" is Running\\n"}{end}', pods, true)).toBe('pod1 is Running\npod2 is Running\n');
  });
});

describe('jsonpath slices with negative indexes and steps (client-go TestNegativeIndex, TestStep)', () => {
  const pod = { spec: { containers: [0, 1, 2, 3].map((i) => ({ name: `fake${i}` })) } };
  const cases: [string, string][] = [
    ['{.spec.containers[0:0].name}', ''],
    ['{.spec.containers[0:-1].name}', 'fake0 fake1 fake2'],
    ['{.spec.containers[-1:].name}', 'fake3'],
    ['{.spec.containers[-4].name}', 'fake0'],
    ['{.spec.containers[5:5].name}', ''],
    ['{.spec.containers[1:4:2].name}', 'fake1 fake3'],
  ];
  for (const [tpl, want] of cases) it(tpl, () => expect(run(tpl, pod)).toBe(want));
  it('rejects out-of-range and reversed slices', () => {
    expect(runError('{.spec.containers[-5].name}', pod)).toBe('array index out of bounds: index -1, length 4');
    expect(runError('{.spec.containers[3:1].name}', pod)).toBe('starting index 3 is greater than ending index 1');
    expect(runError('{.spec.containers[0:4:0].name}', pod)).toBe('step must be > 0');
  });
});

describe('jsonpath errors (client-go failStoreTests)', () => {
  const store = { Labels: { engieer: 10 }, Book: [{ Price: 8.95 }] };
  it('names the failure as client-go does', () => {
    expect(runError('{hello}', store)).toBe('unrecognized identifier hello');
    expect(runError('{.hello}', store)).toBe('hello is not found');
    expect(runError('{.Labels[0]}', store)).toBe('map[string]interface {} is not array or slice');
    expect(runError('{.Book[?(@.Price<>10)]}', store)).toBe('unrecognized filter operator <>');
    expect(runError('{range .Labels.*}{@}{end}{end}', store)).toBe('not in range, nothing to end');
  });
  it('rejects bad syntax with the parser messages', () => {
    expect(() => parseJsonPath('{.metadata.name')).toThrow('unclosed action');
    expect(() => parseJsonPath('{.items[0}')).toThrow('unterminated array');
    expect(() => parseJsonPath('{............Price}')).toThrow('invalid multiple recursive descent');
    expect(() => parseJsonPath('{#}')).toThrow("unrecognized character in action: U+0023 '#'");
  });
  it('keeps plain text and quoted braces', () => {
    expect(run('hello jsonpath', null)).toBe('hello jsonpath');
    expect(run('{"{"}', null)).toBe('{');
    expect(run('{[1,3,4]}', [0, 1, 2, 3, 4])).toBe('1 3 4');
    expect(run('{[?(@<5)]}', [2, 6, 3, 7])).toBe('2 3');
  });
});

describe('printJsonPath output as kubectl prints it', () => {
  it('prints nested maps as compact JSON with sorted keys', () => {
    expect(printJsonPath('{.metadata.labels}', { metadata: { labels: { b: '2', a: '<x>' } } })).toEqual({ text: '{"a":"\\u003cx\\u003e","b":"2"}' });
  });
  it('reports execution errors with the object dump, as a real kubectl did', () => {
    const list = { apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '' } };
    expect(printJsonPath('{.items[0].metadata.name}', list)).toEqual({
      error:
        'error executing jsonpath "{.items[0].metadata.name}": Error executing template: array index out of bounds: index 0, length 0. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{.items[0].metadata.name}\n' +
        '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"apiVersion":"v1", "items":[]interface {}{}, "kind":"List", "metadata":map[string]interface {}{"resourceVersion":""}}\n\n\n',
    });
  });
  it('reports parse errors as NewJSONPathPrinter does', () => {
    expect(printJsonPath('{.metadata.name', {})).toEqual({ error: 'error parsing jsonpath {.metadata.name, unclosed action\n' });
  });
});
