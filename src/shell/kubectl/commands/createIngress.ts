import type { KubeObject } from '../../../sim/k8s/index';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { dryRunFlag, fieldManagerFlag, templateFlags, validateFlag } from '../common';
import { createGenerated } from '../createObject';
import { err } from '../errors';
import { examples, longDesc } from '../text';

/** `ruleRegex` of create_ingress.go: `host/path=svc:port` with an optional `,tls[=secret]` (Go's `\w` is ASCII). */
const RULE_RE = /^[\w*\-.]*\/[^,=\n]*=[\w-]+:[\w-]+(,tls=?([\w-]+)?)?$/;

/** `kubectl create ingress` (kubectl `pkg/cmd/create/create_ingress.go`). */
export const createIngressCommand: CommandSpec = {
  path: ['create', 'ingress'],
  use: 'ingress NAME --rule=host/path=service:port[,tls[=secret]] ',
  aliases: ['ing'],
  short: 'Create an ingress with the specified name',
  long: longDesc(`
    Create an ingress with the specified name.`),
  example: examples(`
    # Create a single ingress called 'simple' that directs requests to foo.com/bar to svc
    # svc1:8080 with a TLS secret "my-cert"
    kubectl create ingress simple --rule="foo.com/bar=svc1:8080,tls=my-cert"

    # Create a catch all ingress of "/path" pointing to service svc:port and Ingress Class as "otheringress"
    kubectl create ingress catch-all --class=otheringress --rule="/path=svc:port"

    # Create an ingress with two annotations: ingress.annotation1 and ingress.annotations2
    kubectl create ingress annotated --class=default --rule="foo.com/bar=svc:port" \\
    --annotation ingress.annotation1=foo \\
    --annotation ingress.annotation2=bla

    # Create an ingress with the same host and multiple paths
    kubectl create ingress multipath --class=default \\
    --rule="foo.com/=svc:port" \\
    --rule="foo.com/admin/=svcadmin:portadmin"

    # Create an ingress with multiple hosts and the pathType as Prefix
    kubectl create ingress ingress1 --class=default \\
    --rule="foo.com/path*=svc:8080" \\
    --rule="bar.com/admin*=svc2:http"

    # Create an ingress with TLS enabled using the default ingress certificate and different path types
    kubectl create ingress ingtls --class=default \\
    --rule="foo.com/=svc:https,tls" \\
    --rule="foo.com/path/subpath*=othersvc:8080"

    # Create an ingress with TLS enabled using a specific secret and pathType as Prefix
    kubectl create ingress ingsecret --class=default \\
    --rule="foo.com/*=svc:8080,tls=secret1"

    # Create an ingress with a default backend
    kubectl create ingress ingdefault --class=default \\
    --default-backend=defaultsvc:http \\
    --rule="foo.com/*=svc:8080,tls=secret1"`),
  flags: [
    { name: 'annotation', type: 'stringArray', default: '[]', usage: 'Annotation to insert in the ingress object, in the format annotation=value' },
    { name: 'class', type: 'string', usage: 'Ingress Class to be used' },
    { name: 'default-backend', type: 'string', usage: 'Default service for backend, in format of svcname:port' },
    dryRunFlag,
    fieldManagerFlag('kubectl-create'),
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'rule', type: 'stringArray', default: '[]', usage: "Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional." },
    { name: 'save-config', type: 'bool', usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
    validateFlag,
    ...templateFlags,
  ],
  run: runCreateIngress,
};

/** `parseServiceBackendPort`: a number, else a port name. */
function backend(service: string): Record<string, unknown> {
  const [name, port = ''] = service.split(':');
  return { service: { name, port: /^\d+$/.test(port) ? { number: Number(port) } : { name: port } } };
}

/** `buildHTTPIngressPath`: Exact, or Prefix when the path ends in `*` (which is dropped). */
function httpPath(pathsvc: string): Record<string, unknown> {
  const [p, service] = pathsvc.split('=');
  let path = `/${p}`;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { backend: backend(service), path, pathType };
}

/** `buildTLSRules`: one entry per secret, each host once. */
function tlsRules(rules: readonly string[]): Record<string, unknown>[] {
  const seen = new Set<string>();
  const out: { hosts?: string[]; secretName?: string }[] = [];
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0];
    const secretParts = parts[1].split('=');
    const secret = secretParts.length > 1 ? secretParts[1] : '';
    if (seen.has(host)) continue;
    const existing = out.find((t) => (t.secretName ?? '') === secret);
    seen.add(host);
    if (existing) {
      existing.hosts = [...(existing.hosts ?? []), host];
      continue;
    }
    const tls: { hosts?: string[]; secretName?: string } = {};
    if (host) tls.hosts = [host];
    if (secret) tls.secretName = secret;
    if (tls.hosts || tls.secretName) out.push(tls);
  }
  return out;
}

/** `buildIngressRules`: paths of the same host share one rule. */
function ingressRules(rules: readonly string[]): Record<string, unknown>[] {
  const out: { host?: string; http: { paths: Record<string, unknown>[] } }[] = [];
  for (const rule of rules) {
    const noTls = rule.split(',')[0];
    const slash = noTls.indexOf('/');
    const host = noTls.slice(0, slash);
    const path = httpPath(noTls.slice(slash + 1));
    const existing = out.find((r) => (r.host ?? '') === host);
    if (existing) existing.http.paths.push(path);
    else out.push({ ...(host ? { host } : {}), http: { paths: [path] } });
  }
  return out;
}

function runCreateIngress(ctx: CommandContext): CommandResult {
  if (ctx.args.length !== 1) return err.usage(ctx.commandPath, `exactly one NAME is required, got ${ctx.args.length}`);
  const rules = ctx.flags.list('rule');
  const annotations = ctx.flags.list('annotation');
  const defaultBackend = ctx.flags.string('default-backend');
  // Validate
  if (!defaultBackend && rules.length === 0) return err.message('not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
  for (const rule of rules) if (!RULE_RE.test(rule)) return err.message(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
  for (const a of annotations) if (!a.includes('=')) return err.message(`annotation ${a} is invalid and should be in format key=[value]`);
  if (defaultBackend && defaultBackend.split(':').length !== 2) return err.message('default-backend should be in format servicename:serviceport');
  // Run
  const spec: Record<string, unknown> = {};
  const className = ctx.flags.string('class');
  if (className) spec.ingressClassName = className;
  if (defaultBackend) spec.defaultBackend = backend(defaultBackend);
  spec.rules = ingressRules(rules);
  spec.tls = tlsRules(rules);
  if ((spec.tls as unknown[]).length === 0) delete spec.tls;
  if ((spec.rules as unknown[]).length === 0) delete spec.rules;
  const meta: KubeObject['metadata'] = { creationTimestamp: null as unknown as string, name: ctx.args[0] };
  if (annotations.length) meta.annotations = Object.fromEntries(annotations.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  if (ctx.explicitNamespace) meta.namespace = ctx.namespace;
  const ingress: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta, spec, status: { loadBalancer: {} } };
  return createGenerated(ctx, ingress, { failurePrefix: 'failed to create ingress' });
}
