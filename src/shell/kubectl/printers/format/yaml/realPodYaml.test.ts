import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NGINX_POD_YAML } from '../../testing/nginxPodYaml';
import { toYaml } from './toYaml';

describe('toYaml reproduces real kubectl -o yaml output', () => {
  it('writes the documentation pod byte for byte (quoted timestamps and "True", null, {}, indentless lists)', () => {
    const obj: unknown = parse(NGINX_POD_YAML);
    expect(toYaml(obj)).toBe(NGINX_POD_YAML);
  });
});
