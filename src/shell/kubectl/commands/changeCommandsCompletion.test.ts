import { describe, expect, it } from 'vitest';
import { completeLine } from '../../complete';
import { shellHarness } from '../../testing/shellHarness';

describe('tab completion of patch, wait, explain, edit, set env|resources and create quota', () => {
  const h = shellHarness();
  h.cluster.add({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: {} });
  const env = { cluster: h.cluster, files: { read: () => undefined } };
  const complete = (line: string) => completeLine(env, line, line.length);

  it('offers the new commands and subcommands', () => {
    expect(complete('kubectl pa')).toEqual(['patch']);
    expect(complete('kubectl wa')).toEqual(['wait']);
    expect(complete('kubectl exp')).toEqual(['explain', 'expose']);
    expect(complete('kubectl ed')).toEqual(['edit']);
    expect(complete('kubectl set ')).toEqual(['env', 'image', 'resources', 'selector', 'serviceaccount', 'subject']);
    expect(complete('kubectl create q')).toEqual(['quota']);
  });

  it('offers their flags, resource types and object names', () => {
    expect(complete('kubectl patch deployment ')).toEqual(['web']);
    expect(complete('kubectl wait deployment/')).toEqual(['deployment/web']);
    expect(complete('kubectl wait --fo')).toEqual(['--for']);
    expect(complete('kubectl patch --sub')).toEqual(['--subresource']);
    expect(complete('kubectl set env --fr')).toEqual(['--from']);
    expect(complete('kubectl set resources --li')).toEqual(['--limits']);
    expect(complete('kubectl explain --rec')).toEqual(['--recursive']);
    expect(complete('kubectl create quota x --ha')).toEqual(['--hard']);
    expect(complete('kubectl explain deploym')).toEqual(['deployments']);
  });
});
