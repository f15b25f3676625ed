import { describe, expect, it } from 'vitest';
import { ContainerFS, MapStorage } from './containerFS';

const base = () => new Map([['/etc/hostname', 'web\n']]);

describe('ContainerFS', () => {
  it('writes under a mount land in the volume storage, others in the container layer', () => {
    const data = new MapStorage();
    const fs = new ContainerFS(base(), [{ mountPath: '/data', storage: data, readOnly: false }]);
    fs.set('/data/f', 'x');
    fs.set('/tmp/g', 'y');
    expect([...data.keys()]).toEqual(['f']);
    expect(fs.get('/data/f')).toBe('x');
    expect(fs.has('/tmp/g')).toBe(true);
    expect([...fs.keys()].sort()).toEqual(['/data/f', '/etc/hostname', '/tmp/g']);
  });

  it('a new container over the same storage sees the files of the previous one', () => {
    const data = new MapStorage();
    new ContainerFS(base(), [{ mountPath: '/data/', storage: data, readOnly: false }]).set('/data/f', 'kept');
    const next = new ContainerFS(base(), [{ mountPath: '/data', storage: data, readOnly: false }]);
    expect(next.get('/data/f')).toBe('kept');
  });

  it('drops writes and deletes under a read-only mount', () => {
    const data = new MapStorage(new Map([['k', 'v']]));
    const fs = new ContainerFS(base(), [{ mountPath: '/etc/cm', storage: data, readOnly: true }]);
    fs.set('/etc/cm/new', 'x');
    expect(fs.delete('/etc/cm/k')).toBe(false);
    expect([...data.keys()]).toEqual(['k']);
  });

  it('a subPath mount exposes one file at the mount path', () => {
    const data = new MapStorage(new Map([['a', '1'], ['b', '2']]));
    const fs = new ContainerFS(base(), [{ mountPath: '/etc/b.conf', storage: data, readOnly: true, subPath: 'b' }]);
    expect(fs.get('/etc/b.conf')).toBe('2');
    expect([...fs.keys()]).toContain('/etc/b.conf');
    expect([...fs.keys()]).not.toContain('/etc/b.conf/a');
  });

  it('a mount hides the container files under its path', () => {
    const fs = new ContainerFS(new Map([['/data/old', 'image file']]), [{ mountPath: '/data', storage: new MapStorage(), readOnly: false }]);
    expect(fs.get('/data/old')).toBeUndefined();
    expect([...fs.keys()]).toEqual([]);
  });
});
