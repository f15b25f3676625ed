import type { StructGroup } from './goStructOrder';
import { TYPED_OBJECT } from './goStructOrderMeta';

// Field orders of k8s.io/api/batch/v1 (types.go).

/** batch/v1: Job and CronJob (`kubectl create job|cronjob`). */
export const BATCH_STRUCTS: StructGroup = {
  apiVersion: 'batch/v1',
  kinds: ['Job', 'CronJob'],
  structs: {
    Job: [...TYPED_OBJECT, 'spec:JobSpec', 'status:JobStatus'],
    JobSpec: [
      'parallelism', 'completions', 'activeDeadlineSeconds', 'podFailurePolicy:PodFailurePolicy', 'successPolicy:SuccessPolicy', 'backoffLimit',
      'backoffLimitPerIndex', 'maxFailedIndexes', 'selector:LabelSelector', 'manualSelector', 'template:PodTemplateSpec', 'ttlSecondsAfterFinished',
      'completionMode', 'suspend', 'podReplacementPolicy', 'managedBy'
    ],
    PodFailurePolicy: ['rules:PodFailurePolicyRule'],
    PodFailurePolicyRule: ['action', 'onExitCodes:PodFailurePolicyOnExitCodesRequirement', 'onPodConditions:PodFailurePolicyOnPodConditionsPattern'],
    PodFailurePolicyOnExitCodesRequirement: ['containerName', 'operator', 'values'],
    PodFailurePolicyOnPodConditionsPattern: ['type', 'status'],
    SuccessPolicy: ['rules:SuccessPolicyRule'],
    SuccessPolicyRule: ['succeededIndexes', 'succeededCount'],
    JobStatus: [
      'conditions:JobCondition', 'startTime', 'completionTime', 'active', 'succeeded', 'failed', 'terminating', 'completedIndexes', 'failedIndexes',
      'uncountedTerminatedPods:UncountedTerminatedPods', 'ready'
    ],
    JobCondition: ['type', 'status', 'lastProbeTime', 'lastTransitionTime', 'reason', 'message'],
    UncountedTerminatedPods: ['succeeded', 'failed'],
    CronJob: [...TYPED_OBJECT, 'spec:CronJobSpec', 'status:CronJobStatus'],
    CronJobSpec: [
      'schedule', 'timeZone', 'startingDeadlineSeconds', 'concurrencyPolicy', 'suspend', 'jobTemplate:JobTemplateSpec', 'successfulJobsHistoryLimit',
      'failedJobsHistoryLimit'
    ],
    JobTemplateSpec: ['metadata:ObjectMeta', 'spec:JobSpec'],
    CronJobStatus: ['active:ObjectReference', 'lastScheduleTime', 'lastSuccessfulTime'],
  },
};
