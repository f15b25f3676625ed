import { describe, expect, it } from 'vitest';
import { parseImageRef } from './imageRef';
import { invalidImageName, pullImage } from './registry';

const pull = (image: string) => pullImage(parseImageRef(image));

describe('the simulated registry', () => {
  it.each(['nginx', 'nginx:1.27', 'nginx:1.27.3', 'nginx:1.14.2', 'nginx:alpine', 'nginx:1.25-alpine', 'busybox:1.36', 'busybox:1.36.1', 'redis:7.2', 'postgres:15-alpine', 'registry.k8s.io/pause:3.10', 'alpine:3.20', 'mysql:5.7'])('%s exists', (image) => {
    expect(pull(image).ok).toBe(true);
  });

  it.each(['httpd:2.4.62', 'httpd:2.4.45', 'httpd:2.4'])('%s exists: the newest minor line has every patch up to the newest release, even past .30', (image) => {
    expect(pull(image).ok).toBe(true);
  });

  it('nginx:doesnotexist is not found, with containerd\'s message', () => {
    const r = pull('nginx:doesnotexist');
    expect(r).toEqual({ ok: false, code: 'NotFound', message: 'failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found' });
  });

  it.each(['nginx:1.99', 'nginx:2.0', 'nginx:1.27.9', 'busybox:1.38', 'httpd:2.4.63'])('%s (newer than the newest release) is not found', (image) => {
    expect(pull(image).ok).toBe(false);
  });

  it('an unknown Docker Hub repository is "pull access denied"', () => {
    const r = pull('myorg/myapp:1.0');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/pull access denied, repository does not exist or may require authorization/);
  });

  it('an upper-case image name is an InvalidImageName', () => {
    expect(invalidImageName('Nginx')).toBe('Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase');
    expect(invalidImageName('nginx:1.27')).toBeUndefined();
    expect(invalidImageName('registry.k8s.io/pause:3.10')).toBeUndefined();
  });
});
