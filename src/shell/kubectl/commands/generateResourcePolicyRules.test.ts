import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../../sim/k8s/index';
import { completeVerbs, generateResourcePolicyRules, parseResources, resourceFor, validateResources } from './generateResourcePolicyRules';

describe('the rules of kubectl create role', () => {
  it('splits --resource into resource, group and subresource; a bare * replaces every other', () => {
    expect(parseResources(['pods', 'deployments.apps', 'pods/log', 'rs.apps/scale'])).toEqual([
      { resource: 'pods', group: '', subResource: '' },
      { resource: 'deployments', group: 'apps', subResource: '' },
      { resource: 'pods', group: '', subResource: 'log' },
      { resource: 'rs', group: 'apps', subResource: 'scale' },
    ]);
    expect(parseResources(['pods', '*', 'jobs'])).toEqual([{ resource: '*', group: '', subResource: '' }]);
    expect(parseResources(['*.apps'])).toEqual([{ resource: '*', group: 'apps', subResource: '' }]);
  });

  it('keeps verbs once each, and only * once * is given', () => {
    expect(completeVerbs(['get', 'list', 'get', ''])).toEqual(['get', 'list', '']);
    expect(completeVerbs(['get', '*', 'list'])).toEqual(['*']);
  });

  it('resolves names as the shortcut-expanding REST mapper does', () => {
    expect(resourceFor(RESOURCES, { group: '', resource: 'deploy' })).toEqual({ group: 'apps', resource: 'deployments' });
    expect(resourceFor(RESOURCES, { group: 'app', resource: 'deploy' })).toEqual({ group: 'apps', resource: 'deployments' });
    expect(resourceFor(RESOURCES, { group: '', resource: 'Pod' })).toEqual({ group: '', resource: 'pods' });
    expect(resourceFor(RESOURCES, { group: '', resource: 'PODS' })).toEqual({ group: '', resource: 'pods' });
    expect(resourceFor(RESOURCES, { group: '', resource: 'Deploy' })).toBeUndefined();
    expect(resourceFor(RESOURCES, { group: 'extensions', resource: 'deployments' })).toBeUndefined();
    expect(resourceFor(RESOURCES, { group: 'v1', resource: 'pods' })).toBeUndefined();
  });

  it('rejects unknown resources with the mapper sentence, and special verbs on the wrong resources', () => {
    const check = (verbs: string[], resources: string[]) => validateResources(RESOURCES, verbs, parseResources(resources));
    expect(check(['get'], ['pods', 'deploy', 'pods/log'])).toBeUndefined();
    expect(check(['get'], ['foos'])).toEqual({ type: 'noMatch', message: 'the server doesn\'t have a resource type "foos"' });
    expect(check(['get'], ['foos.apps'])).toEqual({ type: 'noMatch', message: 'the server doesn\'t have a resource type "foos" in group "apps"' });
    expect(check(['get'], ['.apps'])).toEqual({ type: 'message', message: 'resource must be specified if apiGroup/subresource specified' });
    expect(check(['get', 'use'], ['pods'])).toEqual({ type: 'message', message: "can not perform 'use' on 'pods' in group ''" });
    // A special verb on its own resource passes even where the resource is not served.
    expect(check(['use'], ['podsecuritypolicies.policy'])).toBeUndefined();
    // Checks stop at a wildcard resource.
    expect(check(['get'], ['*.apps', 'foos'])).toBeUndefined();
  });

  it('generates one rule per API group, groups sorted, resources in order without repeats', () => {
    const rules = generateResourcePolicyRules(RESOURCES, ['get'], parseResources(['jobs.batch', 'pods', 'deploy', 'po', 'pods/log', 'rs']), ['a'], []);
    expect(rules).toEqual([
      { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get'], resourceNames: ['a'] },
      { apiGroups: ['apps'], resources: ['deployments', 'replicasets'], verbs: ['get'], resourceNames: ['a'] },
      { apiGroups: ['batch'], resources: ['jobs'], verbs: ['get'], resourceNames: ['a'] },
    ]);
    expect(generateResourcePolicyRules(RESOURCES, ['get'], [], [], ['/healthz'])).toEqual([{ nonResourceURLs: ['/healthz'], verbs: ['get'] }]);
  });
});
