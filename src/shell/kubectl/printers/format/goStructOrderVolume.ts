import type { StructFields, StructTable } from './goStructOrder';

// Field orders of the volume structs in k8s.io/api/core/v1 (types.go).

/** VolumeSource, inlined after Volume's name. */
const VOLUME_SOURCE: StructFields = [
  'hostPath:HostPathVolumeSource', 'emptyDir:EmptyDirVolumeSource', 'gcePersistentDisk:GCEPersistentDiskVolumeSource',
  'awsElasticBlockStore:AWSElasticBlockStoreVolumeSource', 'gitRepo:GitRepoVolumeSource', 'secret:SecretVolumeSource', 'nfs:NFSVolumeSource',
  'iscsi:ISCSIVolumeSource', 'glusterfs:GlusterfsVolumeSource', 'persistentVolumeClaim:PersistentVolumeClaimVolumeSource', 'rbd:RBDVolumeSource',
  'flexVolume:FlexVolumeSource', 'cinder:CinderVolumeSource', 'cephfs:CephFSVolumeSource', 'flocker:FlockerVolumeSource',
  'downwardAPI:DownwardAPIVolumeSource', 'fc:FCVolumeSource', 'azureFile:AzureFileVolumeSource', 'configMap:ConfigMapVolumeSource',
  'vsphereVolume:VsphereVirtualDiskVolumeSource', 'quobyte:QuobyteVolumeSource', 'azureDisk:AzureDiskVolumeSource',
  'photonPersistentDisk:PhotonPersistentDiskVolumeSource', 'projected:ProjectedVolumeSource', 'portworxVolume:PortworxVolumeSource',
  'scaleIO:ScaleIOVolumeSource', 'storageos:StorageOSVolumeSource', 'csi:CSIVolumeSource', 'ephemeral:EphemeralVolumeSource', 'image:ImageVolumeSource',
];

/** Volume and every volume source a pod can name. */
export const VOLUME_STRUCTS: StructTable = {
  Volume: ['name', ...VOLUME_SOURCE],
  HostPathVolumeSource: ['path', 'type'],
  EmptyDirVolumeSource: ['medium', 'sizeLimit'],
  GCEPersistentDiskVolumeSource: ['pdName', 'fsType', 'partition', 'readOnly'],
  AWSElasticBlockStoreVolumeSource: ['volumeID', 'fsType', 'partition', 'readOnly'],
  GitRepoVolumeSource: ['repository', 'revision', 'directory'],
  SecretVolumeSource: ['secretName', 'items:KeyToPath', 'defaultMode', 'optional'],
  NFSVolumeSource: ['server', 'path', 'readOnly'],
  ISCSIVolumeSource: [
    'targetPortal', 'iqn', 'lun', 'iscsiInterface', 'fsType', 'readOnly', 'portals', 'chapAuthDiscovery', 'chapAuthSession',
    'secretRef:LocalObjectReference', 'initiatorName'
  ],
  GlusterfsVolumeSource: ['endpoints', 'path', 'readOnly'],
  PersistentVolumeClaimVolumeSource: ['claimName', 'readOnly'],
  RBDVolumeSource: ['monitors', 'image', 'fsType', 'pool', 'user', 'keyring', 'secretRef:LocalObjectReference', 'readOnly'],
  FlexVolumeSource: ['driver', 'fsType', 'secretRef:LocalObjectReference', 'readOnly', 'options'],
  CinderVolumeSource: ['volumeID', 'fsType', 'readOnly', 'secretRef:LocalObjectReference'],
  CephFSVolumeSource: ['monitors', 'path', 'user', 'secretFile', 'secretRef:LocalObjectReference', 'readOnly'],
  FlockerVolumeSource: ['datasetName', 'datasetUUID'],
  DownwardAPIVolumeSource: ['items:DownwardAPIVolumeFile', 'defaultMode'],
  DownwardAPIVolumeFile: ['path', 'fieldRef:ObjectFieldSelector', 'resourceFieldRef:ResourceFieldSelector', 'mode'],
  FCVolumeSource: ['targetWWNs', 'lun', 'fsType', 'readOnly', 'wwids'],
  AzureFileVolumeSource: ['secretName', 'shareName', 'readOnly'],
  ConfigMapVolumeSource: ['name', 'items:KeyToPath', 'defaultMode', 'optional'],
  KeyToPath: ['key', 'path', 'mode'],
  VsphereVirtualDiskVolumeSource: ['volumePath', 'fsType', 'storagePolicyName', 'storagePolicyID'],
  QuobyteVolumeSource: ['registry', 'volume', 'readOnly', 'user', 'group', 'tenant'],
  AzureDiskVolumeSource: ['diskName', 'diskURI', 'cachingMode', 'fsType', 'readOnly', 'kind'],
  PhotonPersistentDiskVolumeSource: ['pdID', 'fsType'],
  ProjectedVolumeSource: ['sources:VolumeProjection', 'defaultMode'],
  VolumeProjection: [
    'secret:SecretProjection', 'downwardAPI:DownwardAPIProjection', 'configMap:ConfigMapProjection',
    'serviceAccountToken:ServiceAccountTokenProjection', 'clusterTrustBundle:ClusterTrustBundleProjection'
  ],
  SecretProjection: ['name', 'items:KeyToPath', 'optional'],
  DownwardAPIProjection: ['items:DownwardAPIVolumeFile'],
  ConfigMapProjection: ['name', 'items:KeyToPath', 'optional'],
  ServiceAccountTokenProjection: ['audience', 'expirationSeconds', 'path'],
  ClusterTrustBundleProjection: ['name', 'signerName', 'labelSelector:LabelSelector', 'optional', 'path'],
  PortworxVolumeSource: ['volumeID', 'fsType', 'readOnly'],
  ScaleIOVolumeSource: [
    'gateway', 'system', 'secretRef:LocalObjectReference', 'sslEnabled', 'protectionDomain', 'storagePool', 'storageMode', 'volumeName', 'fsType',
    'readOnly'
  ],
  StorageOSVolumeSource: ['volumeName', 'volumeNamespace', 'fsType', 'readOnly', 'secretRef:LocalObjectReference'],
  CSIVolumeSource: ['driver', 'readOnly', 'fsType', 'volumeAttributes', 'nodePublishSecretRef:LocalObjectReference'],
  EphemeralVolumeSource: ['volumeClaimTemplate:PersistentVolumeClaimTemplate'],
  PersistentVolumeClaimTemplate: ['metadata:ObjectMeta', 'spec:PersistentVolumeClaimSpec'],
  PersistentVolumeClaimSpec: [
    'accessModes', 'selector:LabelSelector', 'resources:VolumeResourceRequirements', 'volumeName', 'storageClassName', 'volumeMode',
    'dataSource:TypedLocalObjectReference', 'dataSourceRef:TypedObjectReference', 'volumeAttributesClassName'
  ],
  VolumeResourceRequirements: ['limits', 'requests'],
  TypedObjectReference: ['apiGroup', 'kind', 'name', 'namespace'],
  ImageVolumeSource: ['reference', 'pullPolicy'],
};
