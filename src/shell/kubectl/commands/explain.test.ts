import { beforeAll, describe, expect, it } from 'vitest';
import { shellHarness } from '../../testing/shellHarness';
import { loadExplainData } from '../explain/explainData';
import { wrapString } from '../explain/wordWrap';

beforeAll(async () => {
  await loadExplainData();
});

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('kubectl explain', () => {
  it('explains a field as kubectl 1.32 prints it (real output)', () => {
    const { run } = shellHarness();
    expect(run('kubectl explain deployment.spec.strategy.rollingUpdate').stdout).toBe(
      lines(
        'GROUP:      apps',
        'KIND:       Deployment',
        'VERSION:    v1',
        '',
        'FIELD: rollingUpdate <RollingUpdateDeployment>',
        '',
        '',
        'DESCRIPTION:',
        '    Rolling update config params. Present only if DeploymentStrategyType =',
        '    RollingUpdate.',
        '    Spec to control the desired behavior of rolling update.',
        '    ',
        'FIELDS:',
        '  maxSurge\t<IntOrString>',
        '    The maximum number of pods that can be scheduled above the desired number of',
        '    pods. Value can be an absolute number (ex: 5) or a percentage of desired',
        '    pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is',
        '    calculated from percentage by rounding up. Defaults to 25%. Example: when',
        '    this is set to 30%, the new ReplicaSet can be scaled up immediately when the',
        '    rolling update starts, such that the total number of old and new pods do not',
        '    exceed 130% of desired pods. Once old pods have been killed, new ReplicaSet',
        '    can be scaled up further, ensuring that total number of pods running at any',
        '    time during the update is at most 130% of desired pods.',
        '',
        '  maxUnavailable\t<IntOrString>',
        '    The maximum number of pods that can be unavailable during the update. Value',
        '    can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%).',
        '    Absolute number is calculated from percentage by rounding down. This can not',
        '    be 0 if MaxSurge is 0. Defaults to 25%. Example: when this is set to 30%,',
        '    the old ReplicaSet can be scaled down to 70% of desired pods immediately',
        '    when the rolling update starts. Once new pods are ready, old ReplicaSet can',
        '    be scaled down further, followed by scaling up the new ReplicaSet, ensuring',
        '    that the total number of pods available at all times during the update is at',
        '    least 70% of desired pods.',
        '',
        '',
      ),
    );
  });

  it('prints a kind without a group, its top-level fields and their descriptions', () => {
    const { run } = shellHarness();
    const out = run('kubectl explain pods').stdout;
    expect(out.startsWith(lines('KIND:       Pod', 'VERSION:    v1', '', 'DESCRIPTION:', '    Pod is a collection of containers that can run on a host. This resource is', '    created by clients and scheduled onto hosts.', '    ', 'FIELDS:', '  apiVersion\t<string>'))).toBe(true);
    expect(out).toContain('\n  metadata\t<ObjectMeta>\n');
    expect(out).toContain('\n  spec\t<PodSpec>\n');
  });

  it('prints --recursive as an indented tree with -required- and enums', () => {
    const { run } = shellHarness();
    const strategy = run('kubectl explain deployment.spec.strategy --recursive').stdout;
    expect(strategy.endsWith(lines('FIELDS:', '  rollingUpdate\t<RollingUpdateDeployment>', '    maxSurge\t<IntOrString>', '    maxUnavailable\t<IntOrString>', '  type\t<string>', '  enum: Recreate, RollingUpdate', ''))).toBe(true);
    const spec = run('kubectl explain deployment.spec --recursive').stdout;
    expect(spec).toContain('\n  selector\t<LabelSelector> -required-\n    matchExpressions\t<[]LabelSelectorRequirement>\n      key\t<string> -required-\n      operator\t<string> -required-\n      values\t<[]string>\n    matchLabels\t<map[string]string>\n');
    expect(spec).toContain('\n  template\t<PodTemplateSpec> -required-\n');
    expect(run('kubectl explain pod.spec.containers.resources --recursive').stdout).toContain('\n  limits\t<map[string]Quantity>\n  requests\t<map[string]Quantity>\n');
  });

  it('lists an enum in full after a FIELD header', () => {
    const { run } = shellHarness();
    expect(run('kubectl explain service.spec.type').stdout.startsWith(lines('KIND:       Service', 'VERSION:    v1', '', 'FIELD: type <string>', 'ENUM:', '    ClusterIP', '    ExternalName', '    LoadBalancer', '    NodePort', '', 'DESCRIPTION:'))).toBe(true);
  });

  it('follows arrays into their items and reports unknown fields and resources as kubectl does', () => {
    const { run } = shellHarness();
    expect(run('kubectl explain pod.spec.containers.image').stdout).toContain('FIELD: image <string>\n');
    expect(run('kubectl explain pods.spec.containerz').stderr).toBe('error: field "containerz" does not exist\n');
    expect(run('kubectl explain pods.spec.containerz.name').stderr).toBe('error: field "name" does not exist\n');
    expect(run('kubectl explain foo').stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(run('kubectl explain').stderr).toBe('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
    expect(run('kubectl explain pods nodes').stderr).toBe('error: We accept only this format: explain RESOURCE\n');
  });

  it('accepts a fully qualified resource before the field path', () => {
    const { run } = shellHarness();
    expect(run('kubectl explain deployments.apps.spec.replicas').stdout).toContain('FIELD: replicas <integer>\n');
    expect(run('kubectl explain deployments.v1.apps.spec.paused').stdout).toContain('FIELD: paused <boolean>\n');
    expect(run('kubectl explain hpa.autoscaling.spec.minReplicas').stdout).toContain('FIELD: minReplicas <integer>\n');
  });

  it('explains nodes, whose schema the editor lacks', () => {
    const { run } = shellHarness();
    const out = run('kubectl explain node.spec').stdout;
    expect(out.startsWith(lines('KIND:       Node', 'VERSION:    v1', '', 'FIELD: spec <NodeSpec>', '', '', 'DESCRIPTION:', '    Spec defines the behavior of a node.'))).toBe(true);
    expect(out).toContain('\n  taints\t<[]Taint>\n');
    expect(run('kubectl explain node.spec.taints --recursive').stdout).toContain('\n  effect\t<string> -required-\n  enum: NoExecute, NoSchedule, PreferNoSchedule\n');
  });

  it('explains another served version with --api-version', () => {
    const { run } = shellHarness();
    expect(run('kubectl explain hpa --api-version=autoscaling/v1').stdout.startsWith(lines('GROUP:      autoscaling', 'KIND:       HorizontalPodAutoscaler', 'VERSION:    v1'))).toBe(true);
    expect(run('kubectl explain hpa --api-version=autoscaling/v9').stderr).toBe('error: GVR (autoscaling/v9, Resource=horizontalpodautoscalers) not found in OpenAPI schema\n');
  });

  it('explains the served version a fully qualified resource names', () => {
    const { run } = shellHarness();
    const out = run('kubectl explain hpa.v1.autoscaling.spec.targetCPUUtilizationPercentage').stdout;
    expect(out.startsWith(lines('GROUP:      autoscaling', 'KIND:       HorizontalPodAutoscaler', 'VERSION:    v1', '', 'FIELD: targetCPUUtilizationPercentage <integer>'))).toBe(true);
    expect(run('kubectl explain hpa.autoscaling.spec.metrics').stdout).toContain('VERSION:    v2\n');
  });
});

describe('explain data', () => {
  it('wraps words as go-wordwrap does', () => {
    expect(wrapString('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrapString('a verylongword b', 5)).toBe('a\nverylongword\nb');
    expect(wrapString('one\n\ntwo', 80)).toBe('one\n\ntwo');
  });
});
