import type { KubeObject } from '../../../../sim/k8s/index';
import { map, str } from '../table/objectFields';
import { decodeBase64 } from '../../../../lib/base64';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeFields';
import { tabbedString } from './describeWriter';

/** `describeSecret`: values are never shown, only their sizes (a service-account token excepted). */
export function describeSecret(secret: KubeObject): string {
  return tabbedString((w) => {
    w.write(0, `Name:\t${secret.metadata.name}\n`);
    w.write(0, `Namespace:\t${secret.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', secret.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', secret.metadata.annotations);
    const type = str(secret.type);
    w.write(0, `\nType:\t${type}\n`);
    w.write(0, '\nData\n====\n');
    const data = map(secret.data);
    for (const k of Object.keys(data).sort()) {
      if (k === 'token' && type === 'kubernetes.io/service-account-token') w.write(0, `${k}:\t${decodeBase64(data[k]) ?? ''}\n`);
      else w.write(0, `${k}:\t${base64Length(data[k])} bytes\n`);
    }
  });
}

/** The number of bytes a base64 value decodes to. */
export function base64Length(value: string): number {
  const s = value.replace(/\s+/g, '');
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((s.length * 3) / 4) - pad);
}
