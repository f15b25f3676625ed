import { describe, expect, it } from 'vitest';
import { shellHarness } from '../../testing/shellHarness';

/** A Deployment with a misspelled spec field and an unknown metadata field. */
const BAD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labelz: {a: b}
spec:
  replicaz: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - {name: nginx, image: "nginx:1.27"}
`;
const STRICT = 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "metadata.labelz", unknown field "spec.replicaz"';

describe('server-side field validation (kubectl --validate=strict, the default)', () => {
  it('create -f: the API server refuses unknown fields with BadRequest and stores nothing', () => {
    const { run } = shellHarness({ 'bad.yaml': BAD });
    expect(run('kubectl create -f bad.yaml').stderr).toBe(`Error from server (BadRequest): error when creating "bad.yaml": ${STRICT}\n`);
    expect(run('kubectl get deployments').stderr).toBe('No resources found in default namespace.\n');
  });

  it('replace -f: the same refusal, worded for replacing', () => {
    const files: Record<string, string> = { 'bad.yaml': BAD.replace(/ {2}labelz: \{a: b\}\n/, '').replace('replicaz', 'replicas') };
    const { run } = shellHarness(files);
    expect(run('kubectl create -f bad.yaml').stdout).toBe('deployment.apps/web created\n');
    files['bad.yaml'] = BAD;
    expect(run('kubectl replace -f bad.yaml').stderr).toBe(`Error from server (BadRequest): error when replacing "bad.yaml": ${STRICT}\n`);
  });
});
