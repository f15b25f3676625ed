import { describe, expect, it } from 'vitest';
import { serviceAccountOfToken, serviceAccountToken } from './serviceAccountToken';

describe('the projected service account token', () => {
  it('is a JWT naming the service account and the pod it is bound to, which the API server reads back', () => {
    const token = serviceAccountToken('dev', 'ci', 'web-1', Date.parse('2025-03-01T09:00:00Z'));
    expect(token.split('.')).toHaveLength(3);
    expect(token).not.toMatch(/[+/=]/);
    expect(serviceAccountOfToken(token)).toEqual({ namespace: 'dev', name: 'ci', pod: 'web-1' });
    const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    expect(claims).toMatchObject({ sub: 'system:serviceaccount:dev:ci', iss: 'https://kubernetes.default.svc.cluster.local', exp: claims.iat + 3607 });
  });

  it('anything else is no service account (the API server answers 401)', () => {
    for (const t of ['nonsense', 'a.b.c', `x.${btoa('{"sub":"system:serviceaccount:a:b"}')}.y`]) expect(serviceAccountOfToken(t)).toBeUndefined();
  });
});
