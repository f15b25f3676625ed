import type { TFunction } from 'i18next';
import type { SwarmText } from '../../viz/index';
import { lookWordsOf } from './lookText';

/** The Swarm drawing's words (viz/swarm/swarmText.ts) from the interface language; docker's own words stay. */
export function swarmTextOf(t: TFunction): SwarmText {
  const look = lookWordsOf(t);
  return {
    look,
    taskLabel: (name, state, l, host, error) =>
      `${name}, ${state} (${look[l]})${host ? t('swarmViz.onNode', { node: host }) : t('swarmViz.unassigned')}${error ? `, ${error}` : ''}`,
    nodeLabel: (n) =>
      `${n.hostname}, ${n.role}${n.managerStatus ? ` (${n.managerStatus})` : ''}, ${n.status}, ${n.availability}${n.stopped ? `, ${t('swarmViz.poweredOff')}` : ''}, ${t('swarmViz.tasks', { count: n.activeTasks })}`,
    serviceLabel: (s) =>
      `${s.name}, ${s.mode} ${s.running}/${s.desired}, ${t('swarmViz.image', { image: s.image })}${s.ports.map((p) => `, ${t('swarmViz.port', { port: `${p.published}:${p.target}/${p.protocol}` })}`).join('')}${
        s.update ? `, ${t('swarmViz.updateLabel', { state: s.update.state, updated: s.update.updated, total: s.update.total })}` : ''
      }`,
    tasksOnNode: (count) => t('swarmViz.tasksOnNode', { count }),
    noTasks: (availability) => (availability === 'Drain' ? t('swarmViz.noTasksDrained') : availability === 'Pause' ? t('swarmViz.noTasksPaused') : t('swarmViz.noTasksYet')),
    poweredOff: t('swarmViz.poweredOff'),
    memory: t('viz.memory'),
    pending: t('swarmViz.pending'),
    routingMesh: t('swarmViz.routingMesh'),
    meshPort: (published) => t('swarmViz.meshPort', { port: published }),
    noPorts: t('swarmViz.noPorts'),
    updateProgress: (state, updated, total, order, parallelism) => t('swarmViz.updateProgress', { state, updated, total, order, parallelism }),
    quorumLost: (reachable, managers, needed) => t('swarmViz.quorumLost', { reachable, managers, needed }),
    quorumHint: t('swarmViz.quorumHint'),
    services: t('swarmViz.services'),
    noServices: t('swarmViz.noServices'),
    outsideLabel: (hostname) => t('swarmViz.outsideLabel', { hostname }),
    outsideMeta: t('swarmViz.outsideMeta'),
    outsideHint: t('swarmViz.outsideHint'),
  };
}
