/**
 * The kubernetes.io examples the playground serves offline, derived from the
 * copies in `src/scenarios/examples/kubernetes` and their SOURCES.md: each
 * English `kubernetes/website` file by its path under `content/en/examples/`
 * (what https://k8s.io/examples/PATH serves). `read` gives a copy's text by
 * its file name.
 */
export function deriveWebsiteExamples(sources: string, read: (file: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of sources.split('\n')) {
    const m = /^\| `(k8s-website__[^`]+)` \| kubernetes\/website \| `content\/en\/examples\/([^`]+)` \|/.exec(line);
    if (m) out[m[2]] = read(m[1]);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}
