import type { StructFields, StructTable } from './goStructOrder';

// Field orders of k8s.io/apimachinery/pkg/apis/meta/v1 (types.go), shared by every group.

/** TypeMeta (inline) and ObjectMeta: how every top-level kind starts. */
export const TYPED_OBJECT: StructFields = ['kind', 'apiVersion', 'metadata:ObjectMeta'];

/** meta/v1 structs used by the kinds' fields. */
export const META_STRUCTS: StructTable = {
  ObjectMeta: [
    'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp',
    'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences:OwnerReference', 'finalizers', 'managedFields:ManagedFieldsEntry'
  ],
  OwnerReference: ['apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion'],
  ManagedFieldsEntry: ['manager', 'operation', 'apiVersion', 'time', 'fieldsType', 'fieldsV1', 'subresource'],
  LabelSelector: ['matchLabels', 'matchExpressions:LabelSelectorRequirement'],
  LabelSelectorRequirement: ['key', 'operator', 'values'],
  Condition: ['type', 'status', 'observedGeneration', 'lastTransitionTime', 'reason', 'message'],
};
