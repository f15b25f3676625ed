import { describe, expect, it } from 'vitest';
import { shellHarness } from '../../testing/shellHarness';

describe('kubectl version', () => {
  it('-o yaml sorts the keys (sigs.k8s.io/yaml goes through JSON) and -o json keeps the struct order, as the real client prints them', () => {
    const { run } = shellHarness();
    const yaml = run('kubectl version --client -o yaml').stdout;
    expect(yaml).toMatch(/^clientVersion:\n {2}buildDate: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\n {2}compiler: gc\n {2}gitCommit: "[0-9a-f]{40}"\n {2}gitTreeState: clean\n {2}gitVersion: v1\.32\.\d+\n {2}goVersion: go1\.\d+\.\d+\n {2}major: "1"\n {2}minor: "32"\n {2}platform: linux\/amd64\nkustomizeVersion: v5\.5\.0\n\n$/);
    const json = JSON.parse(run('kubectl version --client -o json').stdout) as { clientVersion: Record<string, string> };
    expect(Object.keys(json.clientVersion)).toEqual(['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform']);
  });
});
