import { decodeBase64 } from '../../../../lib/base64';
import { utf8Length } from '../../../../lib/encodeBase64';
import { fieldError, type FieldError } from '../fieldErrors';
import type { KubeObject } from '../types';
import { regexError } from './names';
import { FIELD_IMMUTABLE } from './objectMeta';

/**
 * ConfigMap and Secret validation (`pkg/apis/core/validation/validation.go`:
 * `ValidateConfigMap`, `ValidateSecret` and their updates).
 */

/** `MaxSecretSize`: the data of a ConfigMap or Secret, 1 MiB. */
export const MAX_SECRET_SIZE = 1024 * 1024;

const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';
const CONFIG_MAP_KEY_RE = /^[-._a-zA-Z0-9]+$/;
const IMMUTABLE_WHEN_SET = 'field is immutable when `immutable` is set';

/** `IsConfigMapKey`: the problems with a ConfigMap or Secret key. */
export function isConfigMapKey(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!CONFIG_MAP_KEY_RE.test(key)) errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_MAP_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

type Dict = Record<string, unknown>;
const dict = (v: unknown): Dict => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : {});

/** `ValidateConfigMap`: keys, no key in both data and binaryData, 1 MiB in total. */
export function validateConfigMap(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const data = dict(obj.data);
  const binary = dict(obj.binaryData);
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const msg of isConfigMapKey(k)) errs.push(fieldError.invalid(`data[${k}]`, k, msg));
    if (k in binary) errs.push(fieldError.invalid(`data[${k}]`, k, 'duplicate of key present in binaryData'));
    total += utf8Length(String(v ?? ''));
  }
  for (const [k, v] of Object.entries(binary)) {
    for (const msg of isConfigMapKey(k)) errs.push(fieldError.invalid(`binaryData[${k}]`, k, msg));
    total += base64Bytes(String(v ?? ''));
  }
  if (total > MAX_SECRET_SIZE) errs.push(fieldError.tooLong('', '', MAX_SECRET_SIZE));
  return errs;
}

/** `ValidateConfigMapUpdate`: an immutable ConfigMap keeps its data (and stays immutable). */
export function validateConfigMapUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (old.immutable === true) {
    if (obj.immutable !== true) errs.push(fieldError.forbidden('immutable', IMMUTABLE_WHEN_SET));
    if (!sameDict(obj.data, old.data)) errs.push(fieldError.forbidden('data', IMMUTABLE_WHEN_SET));
    if (!sameDict(obj.binaryData, old.binaryData)) errs.push(fieldError.forbidden('binaryData', IMMUTABLE_WHEN_SET));
  }
  return errs;
}

/** The keys each built-in Secret type requires (`ValidateSecret`). */
const REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

/** `ValidateSecret`: keys, 1 MiB, and the keys its type requires. */
export function validateSecret(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const data = dict(obj.data);
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const msg of isConfigMapKey(k)) errs.push(fieldError.invalid(`data[${k}]`, k, msg));
    total += base64Bytes(String(v ?? ''));
  }
  if (total > MAX_SECRET_SIZE) errs.push(fieldError.tooLong('data', '', MAX_SECRET_SIZE));
  const type = String(obj.type ?? 'Opaque');
  switch (type) {
    case 'kubernetes.io/service-account-token':
      if (!obj.metadata.annotations?.['kubernetes.io/service-account.name']) errs.push(fieldError.required('metadata.annotations[kubernetes.io/service-account.name]', ''));
      break;
    case 'kubernetes.io/basic-auth':
      if (!('username' in data) && !('password' in data)) errs.push(fieldError.required('data[username]', ''), fieldError.required('data[password]', ''));
      break;
    case 'kubernetes.io/dockercfg':
    case 'kubernetes.io/dockerconfigjson': {
      const key = REQUIRED_KEYS[type][0];
      if (!(key in data)) errs.push(fieldError.required(`data[${key}]`, ''));
      else if (!isJson(decodeBase64(String(data[key])) ?? '')) errs.push(fieldError.invalid(`data[${key}]`, '<secret contents redacted>', 'unexpected end of JSON input'));
      break;
    }
    default:
      for (const key of REQUIRED_KEYS[type] ?? []) if (!(key in data)) errs.push(fieldError.required(`data[${key}]`, ''));
  }
  return errs;
}

/** `ValidateSecretUpdate`: the type never changes; an immutable Secret keeps its data. */
export function validateSecretUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if ((obj.type ?? 'Opaque') !== (old.type ?? 'Opaque')) errs.push(fieldError.invalid('type', obj.type, FIELD_IMMUTABLE));
  if (old.immutable === true) {
    if (obj.immutable !== true) errs.push(fieldError.forbidden('immutable', IMMUTABLE_WHEN_SET));
    if (!sameDict(obj.data, old.data)) errs.push(fieldError.forbidden('data', IMMUTABLE_WHEN_SET));
  }
  return errs;
}

function sameDict(a: unknown, b: unknown): boolean {
  const x = dict(a);
  const y = dict(b);
  const kx = Object.keys(x);
  return kx.length === Object.keys(y).length && kx.every((k) => k in y && x[k] === y[k]);
}

/** Bytes a base64 string decodes to. */
function base64Bytes(s: string): number {
  const clean = s.replace(/\s+/g, '');
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - pad);
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}
