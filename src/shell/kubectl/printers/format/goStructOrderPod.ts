import type { StructFields, StructTable } from './goStructOrder';

// Field orders of the pod structs in k8s.io/api/core/v1 (types.go).

/** Container; EphemeralContainer inlines it (EphemeralContainerCommon) and adds targetContainerName. */
const CONTAINER: StructFields = [
  'name', 'image', 'command', 'args', 'workingDir', 'ports:ContainerPort', 'envFrom:EnvFromSource', 'env:EnvVar', 'resources:ResourceRequirements',
  'resizePolicy:ContainerResizePolicy', 'restartPolicy', 'volumeMounts:VolumeMount', 'volumeDevices:VolumeDevice', 'livenessProbe:Probe',
  'readinessProbe:Probe', 'startupProbe:Probe', 'lifecycle:Lifecycle', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy',
  'securityContext:SecurityContext', 'stdin', 'stdinOnce', 'tty',
];

/** ProbeHandler, inlined at the head of Probe. */
const PROBE_HANDLER: StructFields = ['exec:ExecAction', 'httpGet:HTTPGetAction', 'tcpSocket:TCPSocketAction', 'grpc:GRPCAction'];

/** PodTemplateSpec, PodSpec and what its containers hold. */
export const POD_STRUCTS: StructTable = {
  PodTemplateSpec: ['metadata:ObjectMeta', 'spec:PodSpec'],
  PodSpec: [
    'volumes:Volume', 'initContainers:Container', 'containers:Container', 'ephemeralContainers:EphemeralContainer', 'restartPolicy',
    'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector', 'serviceAccountName', 'serviceAccount',
    'automountServiceAccountToken', 'nodeName', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'securityContext:PodSecurityContext',
    'imagePullSecrets:LocalObjectReference', 'hostname', 'subdomain', 'affinity:Affinity', 'schedulerName', 'tolerations:Toleration',
    'hostAliases:HostAlias', 'priorityClassName', 'priority', 'dnsConfig:PodDNSConfig', 'readinessGates:PodReadinessGate', 'runtimeClassName',
    'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints:TopologySpreadConstraint', 'setHostnameAsFQDN', 'os:PodOS',
    'hostUsers', 'schedulingGates:PodSchedulingGate', 'resourceClaims:PodResourceClaim', 'resources:ResourceRequirements'
  ],
  Container: CONTAINER,
  EphemeralContainer: [...CONTAINER, 'targetContainerName'],
  Probe: [
    ...PROBE_HANDLER, 'initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds',
  ],
  PodSecurityContext: [
    'seLinuxOptions:SELinuxOptions', 'windowsOptions:WindowsSecurityContextOptions', 'runAsUser', 'runAsGroup', 'runAsNonRoot', 'supplementalGroups',
    'supplementalGroupsPolicy', 'fsGroup', 'sysctls:Sysctl', 'fsGroupChangePolicy', 'seccompProfile:SeccompProfile',
    'appArmorProfile:AppArmorProfile', 'seLinuxChangePolicy'
  ],
  SecurityContext: [
    'capabilities:Capabilities', 'privileged', 'seLinuxOptions:SELinuxOptions', 'windowsOptions:WindowsSecurityContextOptions', 'runAsUser',
    'runAsGroup', 'runAsNonRoot', 'readOnlyRootFilesystem', 'allowPrivilegeEscalation', 'procMount', 'seccompProfile:SeccompProfile',
    'appArmorProfile:AppArmorProfile'
  ],
  Capabilities: ['add', 'drop'],
  SELinuxOptions: ['user', 'role', 'type', 'level'],
  WindowsSecurityContextOptions: ['gmsaCredentialSpecName', 'gmsaCredentialSpec', 'runAsUserName', 'hostProcess'],
  SeccompProfile: ['type', 'localhostProfile'],
  AppArmorProfile: ['type', 'localhostProfile'],
  Sysctl: ['name', 'value'],
  ContainerPort: ['name', 'hostPort', 'containerPort', 'protocol', 'hostIP'],
  EnvFromSource: ['prefix', 'configMapRef:ConfigMapEnvSource', 'secretRef:SecretEnvSource'],
  ConfigMapEnvSource: ['name', 'optional'],
  SecretEnvSource: ['name', 'optional'],
  EnvVar: ['name', 'value', 'valueFrom:EnvVarSource'],
  EnvVarSource: [
    'fieldRef:ObjectFieldSelector', 'resourceFieldRef:ResourceFieldSelector', 'configMapKeyRef:ConfigMapKeySelector',
    'secretKeyRef:SecretKeySelector'
  ],
  ObjectFieldSelector: ['apiVersion', 'fieldPath'],
  ResourceFieldSelector: ['containerName', 'resource', 'divisor'],
  ConfigMapKeySelector: ['name', 'key', 'optional'],
  SecretKeySelector: ['name', 'key', 'optional'],
  ResourceRequirements: ['limits', 'requests', 'claims:ResourceClaim'],
  ResourceClaim: ['name', 'request'],
  ContainerResizePolicy: ['resourceName', 'restartPolicy'],
  VolumeMount: ['name', 'readOnly', 'recursiveReadOnly', 'mountPath', 'subPath', 'mountPropagation', 'subPathExpr'],
  VolumeDevice: ['name', 'devicePath'],
  ExecAction: ['command'],
  HTTPGetAction: ['path', 'port', 'host', 'scheme', 'httpHeaders:HTTPHeader'],
  HTTPHeader: ['name', 'value'],
  TCPSocketAction: ['port', 'host'],
  GRPCAction: ['port', 'service'],
  SleepAction: ['seconds'],
  Lifecycle: ['postStart:LifecycleHandler', 'preStop:LifecycleHandler'],
  LifecycleHandler: ['exec:ExecAction', 'httpGet:HTTPGetAction', 'tcpSocket:TCPSocketAction', 'sleep:SleepAction'],
  Affinity: ['nodeAffinity:NodeAffinity', 'podAffinity:PodAffinity', 'podAntiAffinity:PodAntiAffinity'],
  NodeAffinity: ['requiredDuringSchedulingIgnoredDuringExecution:NodeSelector', 'preferredDuringSchedulingIgnoredDuringExecution:PreferredSchedulingTerm'],
  NodeSelector: ['nodeSelectorTerms:NodeSelectorTerm'],
  NodeSelectorTerm: ['matchExpressions:NodeSelectorRequirement', 'matchFields:NodeSelectorRequirement'],
  NodeSelectorRequirement: ['key', 'operator', 'values'],
  PreferredSchedulingTerm: ['weight', 'preference:NodeSelectorTerm'],
  PodAffinity: ['requiredDuringSchedulingIgnoredDuringExecution:PodAffinityTerm', 'preferredDuringSchedulingIgnoredDuringExecution:WeightedPodAffinityTerm'],
  PodAntiAffinity: ['requiredDuringSchedulingIgnoredDuringExecution:PodAffinityTerm', 'preferredDuringSchedulingIgnoredDuringExecution:WeightedPodAffinityTerm'],
  PodAffinityTerm: ['labelSelector:LabelSelector', 'namespaces', 'topologyKey', 'namespaceSelector:LabelSelector', 'matchLabelKeys', 'mismatchLabelKeys'],
  WeightedPodAffinityTerm: ['weight', 'podAffinityTerm:PodAffinityTerm'],
  Toleration: ['key', 'operator', 'value', 'effect', 'tolerationSeconds'],
  TopologySpreadConstraint: [
    'maxSkew', 'topologyKey', 'whenUnsatisfiable', 'labelSelector:LabelSelector', 'minDomains', 'nodeAffinityPolicy', 'nodeTaintsPolicy',
    'matchLabelKeys'
  ],
  HostAlias: ['ip', 'hostnames'],
  PodDNSConfig: ['nameservers', 'searches', 'options:PodDNSConfigOption'],
  PodDNSConfigOption: ['name', 'value'],
  PodReadinessGate: ['conditionType'],
  PodOS: ['name'],
  PodSchedulingGate: ['name'],
  PodResourceClaim: ['name', 'resourceClaimName', 'resourceClaimTemplateName'],
};

/** PodStatus, which the API server and the kubelet fill in. */
export const POD_STATUS_STRUCTS: StructTable = {
  PodStatus: [
    'phase', 'conditions:PodCondition', 'message', 'reason', 'nominatedNodeName', 'hostIP', 'hostIPs:HostIP', 'podIP', 'podIPs:PodIP', 'startTime',
    'initContainerStatuses:ContainerStatus', 'containerStatuses:ContainerStatus', 'qosClass', 'ephemeralContainerStatuses:ContainerStatus', 'resize',
    'resourceClaimStatuses:PodResourceClaimStatus'
  ],
  PodCondition: ['type', 'status', 'lastProbeTime', 'lastTransitionTime', 'reason', 'message'],
  HostIP: ['ip'],
  PodIP: ['ip'],
  ContainerStatus: [
    'name', 'state:ContainerState', 'lastState:ContainerState', 'ready', 'restartCount', 'image', 'imageID', 'containerID', 'started',
    'allocatedResources', 'resources:ResourceRequirements', 'volumeMounts:VolumeMountStatus', 'user:ContainerUser',
    'allocatedResourcesStatus:ResourceStatus'
  ],
  ContainerState: ['waiting:ContainerStateWaiting', 'running:ContainerStateRunning', 'terminated:ContainerStateTerminated'],
  ContainerStateWaiting: ['reason', 'message'],
  ContainerStateRunning: ['startedAt'],
  ContainerStateTerminated: ['exitCode', 'signal', 'reason', 'message', 'startedAt', 'finishedAt', 'containerID'],
  VolumeMountStatus: ['name', 'mountPath', 'readOnly', 'recursiveReadOnly'],
  ContainerUser: ['linux:LinuxContainerUser'],
  LinuxContainerUser: ['uid', 'gid', 'supplementalGroups'],
  ResourceStatus: ['name', 'resources:ResourceHealth'],
  ResourceHealth: ['resourceID', 'health'],
  PodResourceClaimStatus: ['name', 'resourceClaimName'],
};
