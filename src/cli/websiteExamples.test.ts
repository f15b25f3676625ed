import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveWebsiteExamples } from '../shell/kubectl/examples/deriveWebsiteExamples';
import { websiteExample } from '../shell/kubectl/examples/websiteExamples';

const DIR = 'src/scenarios/examples/kubernetes';

describe('the kubernetes.io examples served offline', () => {
  it('are the English kubernetes/website copies, in step with them (regenerate: npx tsx scripts/gen-website-examples.ts)', () => {
    const derived = deriveWebsiteExamples(readFileSync('src/scenarios/examples/SOURCES.md', 'utf8'), (f) => readFileSync(join(DIR, f), 'utf8'));
    expect(JSON.parse(readFileSync('src/shell/kubectl/examples/websiteExamples.json', 'utf8'))).toEqual(derived);
    expect(Object.keys(derived)).toContain('application/php-apache.yaml');
    // The Japanese page's copy is not what the English address serves.
    expect(Object.keys(derived).some((k) => k.includes('cronjob'))).toBe(false);
  });

  it('answer the addresses kubernetes.io serves them at, and nothing else', () => {
    const text = readFileSync(join(DIR, 'k8s-website__pods-storage-pv-volume.yaml'), 'utf8');
    for (const url of ['https://k8s.io/examples/pods/storage/pv-volume.yaml', 'http://k8s.io/examples/pods/storage/pv-volume.yaml', 'https://kubernetes.io/examples/pods/storage/pv-volume.yaml', 'https://raw.githubusercontent.com/kubernetes/website/main/content/en/examples/pods/storage/pv-volume.yaml']) {
      expect(websiteExample(url)).toBe(text);
    }
    expect(websiteExample('https://example.com/examples/pods/storage/pv-volume.yaml')).toBeUndefined();
    expect(websiteExample('https://k8s.io/examples/constructor')).toBeUndefined();
  });
});
