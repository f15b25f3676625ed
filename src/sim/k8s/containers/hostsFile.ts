/**
 * The container's `/etc/hosts` (the kubelet writes it): the line naming
 * `hostname` — its address, then its canonical name (the pod's full name
 * under a subdomain: `zk-0.zk-hs.default.svc.cluster.local`), then aliases.
 * What `hostname -f` and `hostname -i` read, and scripts that use them.
 */
export function hostsEntry(files: ReadonlyMap<string, string>, hostname: string): { address: string; canonical: string } | undefined {
  for (const line of (files.get('/etc/hosts') ?? '').split('\n')) {
    const w = line.trim().split(/\s+/);
    if (w.length >= 2 && !w[0].startsWith('#') && w.slice(1).includes(hostname)) return { address: w[0], canonical: w[1] };
  }
  return undefined;
}

/** The container's host name, from `/etc/hostname`. */
export function hostnameOf(files: ReadonlyMap<string, string>): string {
  return (files.get('/etc/hostname') ?? '').trim();
}
