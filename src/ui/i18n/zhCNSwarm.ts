import type { enSwarm } from './enSwarm';

/** Swarm 视图与视图模式的中文文字（`zh-CN.ts` 的一部分）。Docker 术语（service、task、manager、worker）保持英文。 */
export const zhCNSwarm: typeof enSwarm = {
  viewMode: {
    kubernetes: 'Kubernetes',
    swarm: 'Swarm',
    sideBySide: '并排',
    kubernetesTitle: '显示 Kubernetes 集群',
    swarmTitle: '显示旁边的 Docker Swarm（docker 命令所用的 swarm）',
    sideBySideTitle: '并排显示 Kubernetes 集群与 Docker Swarm',
  },
  swarm: {
    heading: 'Docker Swarm',
    drawing: 'Docker Swarm：manager、worker、service 与 task',
    starting: '正在启动 swarm…',
    summary_one: '{{count}} 个节点 · {{services}} 个 service · {{tasks}} 个运行中的 task',
    summary_other: '{{count}} 个节点 · {{services}} 个 service · {{tasks}} 个运行中的 task',
    empty: '还没有 service。试试'
  },
};
