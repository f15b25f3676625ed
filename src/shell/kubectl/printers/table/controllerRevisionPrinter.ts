import { controllerRef } from '../../../../sim/k8s/index';
import { since } from '../text/timeFormat';
import type { KindPrinter } from './tableTypes';

/** `kubectl get controllerrevisions`: NAME CONTROLLER REVISION AGE (CONTROLLER as `daemonset.apps/fluentd`). */
export const controllerRevisionPrinter: KindPrinter = {
  group: 'apps',
  kind: 'ControllerRevision',
  columns: [{ name: 'Name', format: 'name' }, { name: 'Controller' }, { name: 'Revision' }, { name: 'Age' }],
  row(obj, now) {
    const ref = controllerRef(obj.metadata);
    let controller = '<none>';
    if (ref) {
      const group = ref.apiVersion.includes('/') ? ref.apiVersion.slice(0, ref.apiVersion.indexOf('/')) : '';
      controller = `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}/${ref.name}`;
    }
    return [obj.metadata.name, controller, (obj as { revision?: number }).revision ?? 0, since(obj.metadata.creationTimestamp, now)];
  },
};
