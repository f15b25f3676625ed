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
    nodes_one: '{{count}} 个节点',
    nodes_other: '{{count}} 个节点',
    services_one: '{{count}} 个 service',
    services_other: '{{count}} 个 service',
    runningTasks_one: '{{count}} 个运行中的 task',
    runningTasks_other: '{{count}} 个运行中的 task',
    empty: '还没有 service。试试',
    gone: '它已不在 swarm 中。',
    drain: '排空',
    activate: '恢复调度',
    promote: '升为 manager',
    demote: '降为 worker',
    replicas: '副本数',
    scale: '扩缩…',
    rollback: '回滚',
    state: '状态',
    desired: '期望状态',
    error: '错误',
  },
};
