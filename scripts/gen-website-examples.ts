/**
 * Writes the kubernetes.io examples the playground serves offline
 * (`kubectl apply -f https://k8s.io/examples/PATH`) from the copies in
 * src/scenarios/examples/kubernetes (kubernetes/website, CC BY 4.0,
 * © The Kubernetes Authors; see its SOURCES.md):
 *
 *   npx tsx scripts/gen-website-examples.ts
 *
 * The result is src/shell/kubectl/examples/websiteExamples.json. A unit test
 * checks the file is in step with its sources.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveWebsiteExamples } from '../src/shell/kubectl/examples/deriveWebsiteExamples';

const DIR = 'src/scenarios/examples/kubernetes';
const OUT = 'src/shell/kubectl/examples/websiteExamples.json';

const examples = deriveWebsiteExamples(readFileSync('src/scenarios/examples/SOURCES.md', 'utf8'), (file) => readFileSync(join(DIR, file), 'utf8'));
writeFileSync(OUT, `${JSON.stringify(examples, null, 1)}\n`);
console.log(`${OUT}: ${Object.keys(examples).length} examples`);
