import { WaitingExecution } from '../../execution';
import type { CommandContext, CommandResult, CommandSpec } from '../command';
import { checkErrText, err, type KubectlError } from '../errors';
import { explainDataFailure, explainDataNow, loadExplainData } from '../explain/explainData';
import type { ExplainData } from '../explain/explainTypes';
import { ExplainRenderer } from '../explain/renderExplain';
import { resolveType } from '../resourceArgs';
import { examples, longDesc, SUGGEST_API_RESOURCES } from '../text';

/** `kubectl explain` (kubectl `pkg/cmd/explain/explain.go`, OpenAPI v3 plaintext templates). */
export const explainCommand: CommandSpec = {
  path: ['explain'],
  use: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]',
  short: 'Get documentation for a resource',
  long: longDesc(`
    Describe fields and structure of various resources.

    This command describes the fields associated with each supported API resource.
    Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]

    Information about each field is retrieved from the server in OpenAPI format.`) + SUGGEST_API_RESOURCES,
  example: examples(`
    # Get the documentation of the resource and its fields
    kubectl explain pods

    # Get all the fields in the resource
    kubectl explain pods --recursive

    # Get the explanation for deployment in supported api versions
    kubectl explain deployments --api-version=apps/v1

    # Get the documentation of a specific field of a resource
    kubectl explain pods.spec.containers

    # Get the documentation of resources in different format
    kubectl explain deployment --output=plaintext-openapiv2`),
  completion: 'resource',
  flags: [
    { name: 'api-version', type: 'string', usage: 'Use given api-version (group/version) of the resource.' },
    { name: 'output', shorthand: 'o', type: 'string', default: 'plaintext', usage: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).' },
    { name: 'recursive', type: 'bool', usage: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.' },
  ],
  run: runExplain,
};

interface ExplainRequest {
  group: string;
  version: string;
  kind: string;
  resource: string;
  fieldPath: string[];
  recursive: boolean;
}

/** Flags → Options → Validate. */
function explainRequest(ctx: CommandContext): ExplainRequest | KubectlError {
  if (ctx.args.length === 0) return err.message('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
  if (ctx.args.length > 1) return err.message('We accept only this format: explain RESOURCE\n');
  const output = ctx.flags.string('output');
  if (output === 'plaintext-openapiv2') return err.message('not simulated: --output=plaintext-openapiv2 (the playground explains from the OpenAPI v3 schema; use the default plaintext)');
  if (output !== 'plaintext') return err.message(`unsupported output format: ${output}; supported formats: [plaintext, plaintext-openapiv2]`);
  // `splitDotNotation`: the resource, then the field path.
  const [resourceWord, ...rest] = ctx.args[0].split('.');
  const info = resolveType(ctx.cluster.resources, resourceWord);
  if ('type' in info) return info;
  // A served version before the group (`hpa.v1.autoscaling.spec`) names the version to explain.
  const groupFollows = info.group !== '' && rest.slice(1, 1 + info.group.split('.').length).join('.') === info.group;
  const named = groupFollows && /^v\d+(?:(?:alpha|beta)\d+)?$/.test(rest[0]) ? ctx.cluster.resources.atVersion(info, rest[0]) : undefined;
  const fieldPath = stripGroupPrefix(rest, info.group, named?.version ?? info.version);
  let { group, version } = named ?? info;
  const apiVersion = ctx.flags.string('api-version');
  if (apiVersion) {
    const slash = apiVersion.indexOf('/');
    group = slash >= 0 ? apiVersion.slice(0, slash) : '';
    version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  }
  return { group, version, kind: info.kind, resource: info.resource, fieldPath: fieldPath.filter((p) => p !== ''), recursive: ctx.flags.bool('recursive') };
}

/**
 * `SplitAndParseResourceRequestWithMatchingPrefix`: a fully qualified
 * resource (`deployments.apps.spec`, `deployments.v1.apps.spec`) names its
 * group (and version) before the field path.
 */
function stripGroupPrefix(path: string[], group: string, version: string): string[] {
  if (!group) return path;
  const groupParts = group.split('.');
  const starts = (prefix: string[]) => prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
  if (starts([version, ...groupParts])) return path.slice(groupParts.length + 1);
  if (starts(groupParts)) return path.slice(groupParts.length);
  return path;
}

function explain(ctx: CommandContext, data: ExplainData, req: ExplainRequest): number {
  const gv = req.group ? `${req.group}/${req.version}` : req.version;
  const definition = data.kinds[`${gv}/${req.kind}`];
  if (!definition) {
    ctx.errOut(checkErrText(err.message(`error: GVR (${gv}, Resource=${req.resource}) not found in OpenAPI schema`)));
    return 1;
  }
  const r = new ExplainRenderer(data).render({ group: req.group, version: req.version, kind: req.kind, definition, fieldPath: req.fieldPath, recursive: req.recursive });
  if ('error' in r) {
    ctx.errOut(checkErrText(err.message(r.error)));
    return 1;
  }
  ctx.out(r.text);
  return 0;
}

function runExplain(ctx: CommandContext): CommandResult {
  const req = explainRequest(ctx);
  if ('type' in req) return req;
  const request = req;
  const ready = explainDataNow();
  if (ready) return explain(ctx, ready, request);
  // The API descriptions load on first use; the command waits for them (no virtual time passes for it).
  let loaded: ExplainData | undefined;
  let failed = false;
  loadExplainData().then(
    (d) => (loaded = d),
    () => (failed = true),
  );
  const exec = new WaitingExecution({
    check: () => {
      if (loaded) return explain(ctx, loaded, request);
      if (failed) {
        ctx.errOut(`error: could not load the API descriptions (${explainDataFailure() ?? 'unknown error'}); check the connection and try again\n`);
        return 1;
      }
      return undefined;
    },
  });
  exec.poll();
  return exec;
}
