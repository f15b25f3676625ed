import { describe, expect, it } from 'vitest';
import { toYaml } from './toYaml';

// Expected outputs from go-yaml v2's encode_test.go (sigs.k8s.io/yaml/goyaml.v2), limited to JSON values.
describe('toYaml writes scalars as go-yaml v2 does', () => {
  const cases: [unknown, string][] = [
    [null, 'null\n'],
    [{}, '{}\n'],
    [{ v: 'hi' }, 'v: hi\n'],
    [{ v: 'true' }, 'v: "true"\n'],
    [{ v: 'false' }, 'v: "false"\n'],
    [{ v: true }, 'v: true\n'],
    [{ v: 10 }, 'v: 10\n'],
    [{ v: -10 }, 'v: -10\n'],
    [{ v: 4294967296 }, 'v: 4294967296\n'],
    [{ v: '10' }, 'v: "10"\n'],
    [{ v: 0.1 }, 'v: 0.1\n'],
    [{ v: -0.1 }, 'v: -0.1\n'],
    [{ v: null }, 'v: null\n'],
    [{ v: '' }, 'v: ""\n'],
    [{ v: ['A', 'B'] }, 'v:\n- A\n- B\n'],
    [{ v: ['A', 'B\nC'] }, 'v:\n- A\n- |-\n  B\n  C\n'],
    [{ v: ['A', 1, { B: [2, 3] }] }, 'v:\n- A\n- 1\n- B:\n  - 2\n  - 3\n'],
    [{ a: { b: 'c' } }, 'a:\n  b: c\n'],
    [{ a: '-' }, "a: '-'\n"],
    [{ a: '<foo>' }, 'a: <foo>\n'],
    [{ a: '1:1' }, 'a: "1:1"\n'],
    [{ a: '\x00' }, 'a: "\\0"\n'],
    [{ a: '你好' }, 'a: 你好\n'],
    [{ a: '2015-02-24T18:19:39Z' }, 'a: "2015-02-24T18:19:39Z"\n'],
    [{ a: 'b: c' }, "a: 'b: c'\n"],
    [{ a: 'Hello #comment' }, "a: 'Hello #comment'\n"],
    [{ a: '你好 #comment' }, "a: '你好 #comment'\n"],
    [{ A1: '0x0000000000000000000000010000000000000000', A3: '1234' }, 'A1: "0x0000000000000000000000010000000000000000"\nA3: "1234"\n'],
  ];
  for (const [value, want] of cases) it(`${JSON.stringify(value)}`, () => expect(toYaml(value)).toBe(want));
});

describe('toYaml folds long lines at 80 columns (TestLineWrapping)', () => {
  it('folds a single-quoted string at the first space past column 80', () => {
    const v = { a: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 ' };
    expect(toYaml(v)).toBe("a: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '\n");
  });
});

describe('toYaml orders keys as go-yaml does (TestSortedOutput)', () => {
  it('puts letters after other characters and compares digit runs as numbers', () => {
    const order = ['', '.1', '.2', '.a', '1', '2', 'a!10', 'a/0001', 'a/002', 'a/3', 'a/10', 'a/11', 'a/0012', 'a/100', 'a~10', 'ab/1', 'b/1', 'b/01', 'b/2', 'b/02', 'b/3', 'b/03', 'b1', 'b01', 'b3', 'c2.10', 'c10.2', 'd1', 'd7', 'd7abc', 'd12', 'd12a'];
    const shuffled = [...order].reverse();
    const out = toYaml(Object.fromEntries(shuffled.map((k) => [k, 1])));
    const keys = out
      .trimEnd()
      .split('\n')
      .map((l) => l.slice(0, l.lastIndexOf(':')).replace(/^"(.*)"$/, '$1'));
    expect(keys).toEqual(order);
  });
});

describe('toYaml of Kubernetes objects', () => {
  it('writes a Deployment as kubectl -o yaml does', () => {
    const deploy = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '1' }, creationTimestamp: '2025-01-06T14:19:09Z', generation: 1, resourceVersion: '1234', uid: 'b0c1' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {} }], restartPolicy: 'Always' },
        },
      },
    };
    expect(toYaml(deploy)).toBe(
      `apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    deployment.kubernetes.io/revision: "1"
  creationTimestamp: "2025-01-06T14:19:09Z"
  generation: 1
  labels:
    app: web
  name: web
  namespace: default
  resourceVersion: "1234"
  uid: b0c1
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  strategy:
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 25%
    type: RollingUpdate
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.25
        name: nginx
        ports:
        - containerPort: 80
          protocol: TCP
        resources: {}
      restartPolicy: Always
`,
    );
  });

  it('keeps the last-applied annotation as a literal block', () => {
    const v = { metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"Pod"}\n' } } };
    expect(toYaml(v)).toBe('metadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {"apiVersion":"v1","kind":"Pod"}\n');
  });

  it('quotes and folds a long scheduler message at 80 columns', () => {
    const v = {
      status: {
        conditions: [
          {
            message: '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
            reason: 'Unschedulable',
          },
        ],
      },
    };
    expect(toYaml(v)).toBe(
      `status:
  conditions:
  - message: '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:
      }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is
      not helpful for scheduling, 3 No preemption victims found for incoming pod.'
    reason: Unschedulable
`,
    );
  });

  it('wraps the empty List of kubectl get -o yaml', () => {
    expect(toYaml({ apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '' } })).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
  });
});
