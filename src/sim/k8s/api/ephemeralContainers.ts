import type { EphemeralContainer, Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from './apiServer';
import { defaultContainer } from './defaults/podDefaults';
import { deepEqual } from './objectDiff';
import { fieldError, type FieldError } from './fieldErrors';
import { fail, statusErrors, type ApiResult } from './status';
import type { KubeObject } from './types';
import { validateEphemeralContainers } from './validation/containers';

type PodObj = KubeObject & Pod;
type Obj = Record<string, unknown>;

const MIRROR = 'kubernetes.io/config.mirror';

/**
 * The `pods/ephemeralcontainers` subresource (`EphemeralContainersStrategy`,
 * `ValidatePodEphemeralContainersUpdate`): the only way to add a container
 * to a pod that exists (`kubectl debug`). `list` is the pod's whole new list:
 * those it had must come back unchanged (none is removed, none edited), the
 * new ones are defaulted and validated like containers, minus what keeps a
 * workload running (ports, probes, resources, lifecycle). Static pods take
 * none. The rest of the pod is left as stored.
 */
export function updateEphemeralContainers(server: ApiServer, actor: string, namespace: string, name: string, list: EphemeralContainer[]): ApiResult<KubeObject> {
  const info = server.registry.byName('pods')!;
  const old = server.get<PodObj>('pods', namespace, name);
  if (!old) return fail(statusErrors.notFound({ group: '', resource: 'pods' }, name));
  if (old.metadata.annotations?.[MIRROR] !== undefined) return fail(statusErrors.invalid(info, name, [fieldError.forbidden('', 'static pods do not support ephemeral containers')]));
  const ephemeralContainers = list.map((c) => {
    const copy = JSON.parse(JSON.stringify(c)) as Obj;
    defaultContainer(copy);
    return copy as unknown as EphemeralContainer;
  });
  const spec = { ...old.spec!, ephemeralContainers };
  const errs: FieldError[] = validateEphemeralContainers(ephemeralContainers as unknown as Obj[], (spec.containers ?? []) as unknown as Obj[], (spec.initContainers ?? []) as unknown as Obj[], new Set((spec.volumes ?? []).map((v) => v.name)), 'spec');
  for (const was of old.spec?.ephemeralContainers ?? []) {
    const now = ephemeralContainers.find((c) => c.name === was.name);
    if (!now) errs.push(fieldError.forbidden('spec.ephemeralContainers', `existing ephemeral containers "${was.name}" may not be removed\n`));
    else if (!deepEqual(now, was)) errs.push(fieldError.forbidden('spec.ephemeralContainers', `existing ephemeral containers "${was.name}" may not be changed\n`));
  }
  if (errs.length > 0) return fail(statusErrors.invalid(info, name, errs));
  return server.update(actor, { ...old, spec } as KubeObject, { trusted: true }, 'patch');
}
