import EXAMPLES from './websiteExamples.json';

/** Where kubernetes.io serves its examples (https://k8s.io/examples/PATH redirects to the second). */
const ORIGINS = ['k8s.io/examples/', 'kubernetes.io/examples/', 'raw.githubusercontent.com/kubernetes/website/main/content/en/examples/'];

const examples: Readonly<Record<string, string>> = EXAMPLES;

/**
 * The manifest at `url` when it is one of the kubernetes.io examples the
 * playground serves offline (`kubectl apply -f
 * https://k8s.io/examples/application/php-apache.yaml`, as the docs write
 * it); undefined for any other address.
 */
export function websiteExample(url: string): string | undefined {
  const address = url.replace(/^https?:\/\//, '').replace(/^www\./, '');
  for (const origin of ORIGINS) {
    if (!address.startsWith(origin)) continue;
    const path = address.slice(origin.length);
    return Object.hasOwn(examples, path) ? examples[path] : undefined;
  }
  return undefined;
}

/** How many examples are served offline (for messages). */
export const WEBSITE_EXAMPLE_COUNT = Object.keys(examples).length;
