import type { StructGroup } from './goStructOrder';
import { TYPED_OBJECT } from './goStructOrderMeta';

// Field orders of k8s.io/api/authentication/v1 (types.go).

/** authentication.k8s.io/v1: TokenRequest (`kubectl create token -o json`). */
export const AUTHENTICATION_STRUCTS: StructGroup = {
  apiVersion: 'authentication.k8s.io/v1',
  kinds: ['TokenRequest'],
  structs: {
    TokenRequest: [...TYPED_OBJECT, 'spec:TokenRequestSpec', 'status:TokenRequestStatus'],
    TokenRequestSpec: ['audiences', 'expirationSeconds', 'boundObjectRef:BoundObjectReference'],
    BoundObjectReference: ['kind', 'apiVersion', 'name', 'uid'],
    TokenRequestStatus: ['token', 'expirationTimestamp'],
  },
};
