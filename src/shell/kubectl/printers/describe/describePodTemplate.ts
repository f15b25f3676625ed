import type { PodTemplateSpec, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { formatLabelSelector } from '../../../../sim/k8s/index';
import { describeContainers } from './describeContainers';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './describeFields';
import { describeVolumes } from './describeVolumes';
import { DescribeWriter } from './describeWriter';

/** `describeTopologySpreadConstraints`: one line per constraint, sorted by topology key. */
export function describeTopologySpreadConstraints(tscs: TopologySpreadConstraint[] | undefined, w: DescribeWriter, space: string): void {
  if (!tscs || tscs.length === 0) return;
  const sorted = [...tscs].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  w.write(0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(0, space);
      w.write(0, '\t');
    }
    let s = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`;
    if (t.labelSelector) s += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(0, `${s}\n`);
  });
}

/** `DescribePodTemplate` into a writer (the `Pod Template:` block of deployments and replica sets). */
export function writePodTemplate(template: PodTemplateSpec | undefined, w: DescribeWriter): void {
  w.write(0, 'Pod Template:\n');
  if (!template) {
    w.write(1, '<unset>');
    return;
  }
  const spec = template.spec ?? { containers: [] };
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (template.metadata?.annotations && Object.keys(template.metadata.annotations).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata.annotations);
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers && spec.initContainers.length > 0) describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  describeContainers('Containers', spec.containers, undefined, undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ');
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}

/**
 * A pod template as `kubectl rollout history --revision=N` prints it:
 * `DescribePodTemplate` through a PrefixWriter over a plain buffer, so the
 * tabs are kept (the terminal expands them).
 */
export function describePodTemplate(template: PodTemplateSpec | undefined): string {
  const w = new DescribeWriter();
  writePodTemplate(template, w);
  return w.raw();
}
