import { forbiddenText, serviceAccountToken } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { outputFlag, templateFlags } from '../common';
import { err } from '../errors';
import { examples } from '../text';
import { printResponse } from './printResponse';

/** The kinds a token may be bound to, and their API versions (`boundObjectKindToAPIVersions`). */
const BOUND_KINDS: Readonly<Record<string, string>> = { Node: 'v1', Pod: 'v1', Secret: 'v1' };
/** The lifetime the API server gives a token when none is asked for (one hour). */
const DEFAULT_LIFETIME_S = 3600;

/**
 * `kubectl create token` (kubectl `pkg/cmd/create/create_token.go`): a
 * TokenRequest on the `serviceaccounts/token` subresource; the token
 * authenticates as the service account (`curl -H "Authorization: Bearer …"`
 * to the API server, from a pod or the node's address).
 */
export const createTokenCommand: CommandSpec = {
  path: ['create', 'token'],
  use: 'token SERVICE_ACCOUNT_NAME',
  short: 'Request a service account token',
  long: 'Request a service account token.',
  example: examples(`
    # Request a token to authenticate to the kube-apiserver as the service account "myapp" in the current namespace
    kubectl create token myapp

    # Request a token for a service account in a custom namespace
    kubectl create token myapp --namespace myns

    # Request a token with a custom expiration
    kubectl create token myapp --duration 10m

    # Request a token with a custom audience
    kubectl create token myapp --audience https://example.com

    # Request a token bound to an instance of a Secret object
    kubectl create token myapp --bound-object-kind Secret --bound-object-name mysecret

    # Request a token bound to an instance of a Secret object with a specific UID
    kubectl create token myapp --bound-object-kind Secret --bound-object-name mysecret --bound-object-uid 0d4691ed-659b-4935-a832-355f77ee47cc`),
  completion: 'none',
  flags: [
    { name: 'audience', type: 'stringArray', default: '[]', usage: 'Audience of the requested token. If unset, defaults to requesting a token for use with the Kubernetes API server. May be repeated to request a token valid for multiple audiences.' },
    { name: 'bound-object-kind', type: 'string', usage: `Kind of an object to bind the token to. Supported kinds are ${Object.keys(BOUND_KINDS).join(', ')}. If set, --bound-object-name must be provided.` },
    { name: 'bound-object-name', type: 'string', usage: 'Name of an object to bind the token to. The token will expire when the object is deleted. Requires --bound-object-kind.' },
    { name: 'bound-object-uid', type: 'string', usage: 'UID of an object to bind the token to. Requires --bound-object-kind and --bound-object-name. If unset, the UID of the existing object is used.' },
    { name: 'duration', type: 'duration', default: '0s', usage: 'Requested lifetime of the issued token. If not set or if set to 0, the lifetime will be determined by the server automatically. The server may return a token with a longer or shorter lifetime.' },
    outputFlag('json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file'),
    ...templateFlags,
  ],
  run: runCreateToken,
};

function runCreateToken(ctx: CommandContext): CommandResult {
  const f = ctx.flags;
  if (ctx.args.length !== 1) return err.usage(ctx.commandPath, `exactly one NAME is required, got ${ctx.args.length}`);
  const name = ctx.args[0];
  const durationMs = f.duration('duration');
  if (durationMs < 0) return err.message('error: --duration must be greater than or equal to 0');
  if (durationMs % 1000 !== 0) return err.message('error: --duration cannot be expressed in units less than seconds');
  const audiences = f.list('audience');
  if (audiences.some((a) => a === '')) return err.message('error: --audience must not be an empty string');
  const kind = f.string('bound-object-kind');
  const boundName = f.string('bound-object-name');
  const boundUid = f.string('bound-object-uid');
  if (!kind) {
    if (boundName) return err.message('error: --bound-object-name can only be set if --bound-object-kind is provided');
    if (boundUid) return err.message('error: --bound-object-uid can only be set if --bound-object-kind is provided');
  } else {
    if (BOUND_KINDS[kind] === undefined) return err.message(`error: supported --bound-object-kind values are ${Object.keys(BOUND_KINDS).join(', ')}`);
    if (!boundName) return err.message('error: --bound-object-name is required if --bound-object-kind is provided');
  }
  // The serviceaccounts/token subresource: the caller must be allowed to create tokens for it.
  const attributes = { verb: 'create', apiGroup: '', resource: 'serviceaccounts', subresource: 'token', namespace: ctx.namespace, name };
  const decision = ctx.cluster.authorize(ctx.user, attributes);
  if (!decision.allowed) return err.message(`error: failed to create token: serviceaccounts "${name}" is forbidden: ${forbiddenText(ctx.user, attributes, decision.reason)}`);
  if (!ctx.client.get('serviceaccounts', ctx.namespace, name)) return err.message(`error: failed to create token: serviceaccounts "${name}" not found`);
  const now = ctx.cluster.now();
  const lifetime = durationMs > 0 ? durationMs / 1000 : DEFAULT_LIFETIME_S;
  const token = serviceAccountToken(ctx.namespace, name, kind === 'Pod' ? boundName : undefined, now, lifetime, audiences.length > 0 ? audiences : undefined);
  const output = f.string('output');
  if (!output) {
    ctx.out(`${token}\n`);
    return 0;
  }
  const spec: Record<string, unknown> = { audiences: audiences.length > 0 ? audiences : ['https://kubernetes.default.svc.cluster.local'], boundObjectRef: kind ? { kind, apiVersion: BOUND_KINDS[kind], name: boundName, ...(boundUid ? { uid: boundUid } : {}) } : null, expirationSeconds: lifetime };
  const request = { kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1', metadata: { name, namespace: ctx.namespace, creationTimestamp: null }, spec, status: { token, expirationTimestamp: new Date(now + lifetime * 1000).toISOString().replace(/\.\d+Z$/, 'Z') } };
  return printResponse(ctx, output, request, `tokenrequest.authentication.k8s.io/${name}`);
}
