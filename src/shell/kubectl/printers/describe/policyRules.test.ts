import { describe, expect, it } from 'vitest';
import { breakdownRule, combineResourceGroup, compactRules, describedRules, policyRuleString } from './policyRules';

describe('the PolicyRule table of kubectl describe role', () => {
  it('breaks a rule down to one group, resource, verb and name each; URLs per verb', () => {
    expect(breakdownRule({ apiGroups: ['', 'apps'], resources: ['pods'], verbs: ['get', 'list'], resourceNames: ['a'] })).toEqual([
      { apiGroups: [''], resources: ['pods'], verbs: ['get'], resourceNames: ['a'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['list'], resourceNames: ['a'] },
      { apiGroups: ['apps'], resources: ['pods'], verbs: ['get'], resourceNames: ['a'] },
      { apiGroups: ['apps'], resources: ['pods'], verbs: ['list'], resourceNames: ['a'] },
    ]);
    expect(breakdownRule({ nonResourceURLs: ['/healthz'], verbs: ['get', 'post'] })).toEqual([
      { nonResourceURLs: ['/healthz'], verbs: ['get'] },
      { nonResourceURLs: ['/healthz'], verbs: ['post'] },
    ]);
    expect(breakdownRule({ resources: ['pods'], verbs: ['get'] })).toEqual([]);
  });

  it('merges simple rules that differ by verb, keeping first-seen verb order without repeats; URL rules stay apart', () => {
    const rules = [
      { apiGroups: [''], resources: ['pods'], verbs: ['get'] },
      { nonResourceURLs: ['/x'], verbs: ['get'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['delete'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['get'] },
      { nonResourceURLs: ['/x'], verbs: ['get'] },
    ];
    expect(compactRules(rules)).toEqual([
      { nonResourceURLs: ['/x'], verbs: ['get'] },
      { nonResourceURLs: ['/x'], verbs: ['get'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['get', 'delete'] },
    ]);
  });

  it('sorts byte-wise by the Go String() of each rule: verbs first (`[get list]` before `[get]`), then groups, resources, names, URLs', () => {
    expect(policyRuleString({ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] })).toBe('&PolicyRule{Verbs:[get list],APIGroups:[],Resources:[pods],ResourceNames:[],NonResourceURLs:[],}');
    const sorted = describedRules([
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'] },
      { apiGroups: [''], resources: ['nodes'], verbs: ['get'] },
      { nonResourceURLs: ['/healthz'], verbs: ['get'] },
      { apiGroups: ['batch'], resources: ['jobs'], verbs: ['*'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
    ]);
    expect(sorted.map((r) => `${combineResourceGroup(r.resources, r.apiGroups)}|${(r.nonResourceURLs ?? []).join()}|${r.verbs.join(' ')}`)).toEqual([
      'jobs.batch||*',
      'pods||get list',
      '|/healthz|get',
      'nodes||get',
      'deployments.apps||get',
    ]);
  });

  it('names a resource as resource.group/subresource', () => {
    expect(combineResourceGroup(['pods/log'], ['apps'])).toBe('pods.apps/log');
    expect(combineResourceGroup(['pods/log'], [''])).toBe('pods/log');
    expect(combineResourceGroup(['*'], ['*'])).toBe('*.*');
    expect(combineResourceGroup(undefined, [''])).toBe('');
  });
});
