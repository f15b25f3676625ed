import { decodeBase64 } from '../../../lib/base64';
import { encodeBase64 } from '../../../lib/encodeBase64';

/** What a projected service account token says about its holder. */
export interface TokenClaims {
  namespace: string;
  name: string;
  pod?: string;
}

const ISSUER = 'https://kubernetes.default.svc.cluster.local';
const HEADER = { alg: 'RS256', kid: 'kubeplay' };
/** One hour and seven seconds: the kubelet's `expirationSeconds: 3607` of the kube-api-access volume. */
const LIFETIME_S = 3607;

const base64url = (text: string) => encodeBase64(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

/**
 * The token the kubelet projects into a pod's `kube-api-access` volume (a
 * JWT the API server signed, here with a made-up signature): the service
 * account it stands for in `sub`, the pod it is bound to, its lifetime.
 */
export function serviceAccountToken(namespace: string, serviceAccount: string, pod: string | undefined, issuedAt: number, lifetimeSeconds = LIFETIME_S, audiences: readonly string[] = [ISSUER]): string {
  const iat = Math.floor(issuedAt / 1000);
  const claims = {
    aud: audiences,
    exp: iat + lifetimeSeconds,
    iat,
    iss: ISSUER,
    'kubernetes.io': pod === undefined ? { namespace, serviceaccount: { name: serviceAccount } } : { namespace, pod: { name: pod }, serviceaccount: { name: serviceAccount } },
    nbf: iat,
    sub: `system:serviceaccount:${namespace}:${serviceAccount}`,
  };
  return `${base64url(JSON.stringify(HEADER))}.${base64url(JSON.stringify(claims))}.${base64url('kubeplay simulated signature')}`;
}

/** The service account a token names (`sub`), if it is one of the cluster's; undefined for anything else (401). */
export function serviceAccountOfToken(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeBase64(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  if (json === undefined) return undefined;
  try {
    const claims = JSON.parse(json) as { iss?: string; sub?: string; 'kubernetes.io'?: { pod?: { name?: string } } };
    const m = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(claims.sub ?? '');
    if (claims.iss !== ISSUER || !m) return undefined;
    return { namespace: m[1], name: m[2], pod: claims['kubernetes.io']?.pod?.name };
  } catch {
    return undefined;
  }
}
