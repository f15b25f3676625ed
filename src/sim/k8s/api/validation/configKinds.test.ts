import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../defaults/applyDefaults';
import { fieldErrorString } from '../fieldErrors';
import { ResourceRegistry } from '../resources';
import type { KubeObject } from '../types';
import { validateCreate, validateUpdate } from './validate';

const registry = new ResourceRegistry();
const KEY_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

function prepared(obj: Record<string, unknown>): [KubeObject, ReturnType<ResourceRegistry['forKind']> & object] {
  const info = registry.forKind(obj.apiVersion as string, obj.kind as string)!;
  const o = { ...obj, metadata: { namespace: 'default', ...(obj.metadata as object) } } as KubeObject;
  return [applyDefaults(o, info), info];
}
const errors = (obj: Record<string, unknown>) => {
  const [o, info] = prepared(obj);
  return validateCreate(o, info).map(fieldErrorString);
};
const updateErrors = (obj: Record<string, unknown>, old: Record<string, unknown>) => {
  const [o, info] = prepared(obj);
  return validateUpdate(o, prepared(old)[0], info).map(fieldErrorString);
};
const cm = (extra: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, ...extra });
const secret = (extra: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, ...extra });

describe('ConfigMap validation', () => {
  it('rejects an empty data key with the config-key message', () => {
    expect(errors(cm({ data: { '': 'value' } }))).toEqual([`data[]: Invalid value: "": ${KEY_MSG}`]);
  });

  it('rejects keys with a slash, "." and a leading ".."', () => {
    expect(errors(cm({ data: { 'a/b': 'x' } }))).toEqual([`data[a/b]: Invalid value: "a/b": ${KEY_MSG}`]);
    expect(errors(cm({ data: { '.': 'x' } }))).toEqual([`data[.]: Invalid value: ".": must not be '.'`]);
    expect(errors(cm({ data: { '..a': 'x' } }))).toEqual([`data[..a]: Invalid value: "..a": must not start with '..'`]);
  });

  it('accepts dotted, dashed and underscored keys', () => {
    expect(errors(cm({ data: { 'game.properties': 'x', 'LOG-LEVEL_1': 'y' }, binaryData: { 'b.bin': 'AAE=' } }))).toEqual([]);
  });

  it('rejects a key present in both data and binaryData', () => {
    expect(errors(cm({ data: { k: 'x' }, binaryData: { k: 'AA==' } }))).toEqual(['data[k]: Invalid value: "k": duplicate of key present in binaryData']);
  });

  it('rejects more than 1 MiB of data', () => {
    expect(errors(cm({ data: { big: 'x'.repeat(1024 * 1024 + 1) } }))).toEqual([': Too long: must have at most 1048576 bytes']);
  });

  it('an immutable ConfigMap keeps its data and its immutability, labels may change', () => {
    const old = cm({ data: { k: 'v1' }, immutable: true });
    expect(updateErrors(cm({ data: { k: 'v2' }, immutable: true }), old)).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
    expect(updateErrors(cm({ data: { k: 'v1' }, immutable: false }), old)).toEqual(['immutable: Forbidden: field is immutable when `immutable` is set']);
    expect(updateErrors(cm({ metadata: { name: 'cfg', labels: { a: 'b' } }, data: { k: 'v1' }, immutable: true }), old)).toEqual([]);
  });

  it('a mutable ConfigMap may change its data', () => {
    expect(updateErrors(cm({ data: { k: 'v2' } }), cm({ data: { k: 'v1' } }))).toEqual([]);
  });
});

describe('Secret defaults and validation', () => {
  it('defaults the type to Opaque and merges stringData into base64 data', () => {
    const [o] = prepared(secret({ data: { a: 'eA==' }, stringData: { b: 'hello', a: 'y' } }));
    expect(o.type).toBe('Opaque');
    expect(o.data).toEqual({ a: 'eQ==', b: 'aGVsbG8=' });
    expect(o.stringData).toBeUndefined();
  });

  it('rejects an empty data key', () => {
    expect(errors(secret({ data: { '': 'dmFsdWUtMQ==' } }))).toEqual([`data[]: Invalid value: "": ${KEY_MSG}`]);
  });

  it('a TLS secret needs tls.crt and tls.key', () => {
    expect(errors(secret({ type: 'kubernetes.io/tls', data: {} }))).toEqual(['data[tls.crt]: Required value', 'data[tls.key]: Required value']);
  });

  it('a basic-auth secret needs a username or a password', () => {
    expect(errors(secret({ type: 'kubernetes.io/basic-auth' }))).toEqual(['data[username]: Required value', 'data[password]: Required value']);
    expect(errors(secret({ type: 'kubernetes.io/basic-auth', stringData: { password: 'p' } }))).toEqual([]);
  });

  it('a dockerconfigjson secret needs valid JSON under .dockerconfigjson', () => {
    expect(errors(secret({ type: 'kubernetes.io/dockerconfigjson' }))).toEqual(['data[.dockerconfigjson]: Required value']);
    expect(errors(secret({ type: 'kubernetes.io/dockerconfigjson', stringData: { '.dockerconfigjson': '{"auths":{}}' } }))).toEqual([]);
  });

  it('the type never changes; an immutable secret keeps its data', () => {
    expect(updateErrors(secret({ type: 'kubernetes.io/ssh-auth', data: { 'ssh-privatekey': 'eA==' } }), secret({ data: { 'ssh-privatekey': 'eA==' } }))).toEqual([
      'type: Invalid value: "kubernetes.io/ssh-auth": field is immutable',
    ]);
    expect(updateErrors(secret({ data: { a: 'eQ==' }, immutable: true }), secret({ data: { a: 'eA==' }, immutable: true }))).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
  });
});
