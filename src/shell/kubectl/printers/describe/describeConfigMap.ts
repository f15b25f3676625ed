import type { KubeObject } from '../../../../sim/k8s/index';
import { map } from '../table/objectFields';
import type { PrintContext } from '../types';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeFields';
import { tabbedString } from './describeWriter';
import { base64Length } from './describeSecret';

/** `describeConfigMap`: each data key with its value under a `----` rule, binary keys as byte counts. */
export function describeConfigMap(cm: KubeObject, ctx: PrintContext): string {
  return tabbedString((w) => {
    w.write(0, `Name:\t${cm.metadata.name}\n`);
    w.write(0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cm.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
    w.write(0, '\nData\n====\n');
    const data = map(cm.data);
    for (const k of Object.keys(data).sort()) {
      w.write(0, `${k}:\n----\n`);
      w.write(0, `${data[k]}\n`);
      w.write(0, '\n');
    }
    w.write(0, '\nBinaryData\n====\n');
    const binary = map(cm.binaryData);
    for (const k of Object.keys(binary).sort()) w.write(0, `${k}: ${base64Length(binary[k])} bytes\n`);
    w.write(0, '\n');
    describeEvents(ctx.cluster.eventsFor(cm), w, ctx.now);
  });
}
