import type { KubeObject } from '../../../../sim/k8s/index';
import { goSprint } from '../text/goFormat';
import type { PrintContext } from '../types';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeFields';
import type { DescribeWriter } from './describeWriter';
import { tabbedString } from './describeWriter';
import { smartLabelFor } from './smartLabel';

const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `printUnstructuredContent`: every field, sorted, as `Label:\tvalue`, nested maps and lists indented. */
function printContent(w: DescribeWriter, level: number, content: Record<string, unknown>, skipPrefix: string): void {
  for (const key of Object.keys(content).sort()) {
    const value = content[key];
    if (value === undefined) continue;
    const path = `${skipPrefix}.${key}`;
    if (SKIP.includes(path)) continue;
    if (isMap(value)) {
      w.write(level, `${smartLabelFor(key)}:\n`);
      printContent(w, level + 1, value, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(key)}:\n`);
      for (const child of value) {
        if (isMap(child)) printContent(w, level + 1, child, path);
        else w.write(level + 1, `${goSprint(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(key)}:\t${goSprint(value)}\n`);
    }
  }
}

/** kubectl's `genericDescriber`, used for kinds without their own describer (Event, Lease, …). */
export function describeGeneric(obj: KubeObject, ctx: PrintContext): string {
  const content = JSON.parse(JSON.stringify(obj)) as Record<string, unknown>;
  return tabbedString((w) => {
    w.write(0, `Name:\t${obj.metadata.name}\n`);
    w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    printContent(w, 0, content, '');
    describeEvents(ctx.cluster.eventsFor(obj), w, ctx.now);
  });
}
