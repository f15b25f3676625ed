import type { enPaired } from './enPaired';

/** 并排模式操作栏的中文文字（`zh-CN.ts` 的一部分）。命令、Kubernetes 与 Docker 术语保持英文。 */
export const zhCNPaired: typeof enPaired = {
  both: {
    label: '同时作用于两个集群的操作',
    onBoth: '两边同时：',
    short: { deploy: '部署', stopNode: '停止一个节点', startNode: '启动节点', rollOut: '新镜像', scale: '扩缩到', rollBack: '回滚', traffic: '流量' },
    intro: '两个集群上运行同一个投票应用；每个按钮为两边各输入一条命令。',
    deploy: '在两边部署',
    deployTitle: '若编辑器中没有 voting-app.yaml 和 docker-stack.yml 则先添加，然后运行 kubectl apply 和 docker stack deploy',
    stopNode: '在两边各停止一个节点',
    startNode: '在两边启动节点',
    rollOut: '在两边发布新镜像',
    replicas: '副本数',
    scale: '在两边扩缩到 {{count}} 个',
    rollBack: '在两边回滚',
    traffic: '向两边发送流量',
    runs: '将运行：{{commands}}',
    cannot: '现在不可用 — Kubernetes：{{kubernetes}}；Swarm：{{swarm}}',
    canOnly: '仅 {{side}} — {{other}}：{{reason}}',
    hide: '隐藏',
    more: '详细',
    less: '简略',
    brief: {
      deploy: { kubernetes: '五个 Deployment 和四个 Service；vote 在每个节点的 NodePort 31000 上', swarm: '五个 vote_* 服务；vote 在每个节点的 8080 端口上（路由网格）' },
      stopNode: { kubernetes: '50 秒后 NotReady；300 秒后驱逐其 Pod 并在别处重建', swarm: '最后一次心跳 15 秒后 Down；其 task 立即重新调度' },
      startNode: { kubernetes: '重新 Ready；已迁走的 Pod 留在原处', swarm: '重新 Ready；task 不会回来（不重新平衡）' },
      rollOut: { kubernetes: '激增 25%、不可用 25%：旧 Pod 停止前先启动新 Pod', swarm: 'stop-first，一次一个 task，每个之后监控 5 秒' },
      scale: { kubernetes: 'ReplicaSet 增删 Pod；HPA 可以自动完成', swarm: '立即填充或清空 slot；Swarm 没有自动扩缩器' },
      rollBack: { kubernetes: '回到上一个 ReplicaSet（最近 10 个中的任意一个）', swarm: '只能回到上一个 spec，stop-first，一次一个 task' },
      traffic: { kubernetes: '每秒 10 个请求，持续 1 分钟，发往 vote Service，分散到就绪的 Pod', swarm: '每秒 10 个请求，持续 1 分钟，轮流发往各节点的 8080 端口，在运行中的 task 间均衡' },
    },
    kubernetes: 'Kubernetes',
    swarm: 'Swarm',
    reason: {
      notDeployed: '投票应用尚未部署',
      noWorkerWithApp: '没有正在运行该应用的工作节点',
      noStoppedNode: '没有已停止的节点',
      nothingToRollBack: '没有可回退的上一个版本',
      badReplicas: '副本数必须是 0 到 20 的整数',
      badImage: '不是有效的镜像引用',
    },
    caption: {
      deploy: {
        kubernetes: 'kubectl apply 创建五个 Deployment 和四个 Service；调度器为节点打分并分散放置 Pod。vote 通过其 Service 访问：每个节点上的 NodePort 31000，在就绪的 Pod 之间负载均衡。',
        swarm: 'docker stack deploy 创建 overlay 网络和 vote_* 服务；spread 调度器把每个 task 放到该服务 task 最少的节点上。vote 通过路由网格访问：每个节点上的 8080 端口。',
      },
      stopNode: {
        kubernetes: '节点停止心跳：50 秒宽限期后变为 NotReady（Unknown），其 Pod 从 Service 中移除；再过 300 秒（unreachable 容忍时间）被驱逐，并在其他节点上重建。',
        swarm: '节点在最后一次心跳（每 5 秒一次）15 秒后变为 Down，其 task 立即在其他节点上重新调度。',
      },
      startNode: {
        kubernetes: '节点重新 Ready 并接收新的 Pod；已在别处重建的 Pod 留在原处（不会重新平衡）。',
        swarm: '节点重新 Ready，但不会拿回 task：Swarm 不做重新平衡（docker service update --force 才会）。',
      },
      rollOut: {
        kubernetes: 'RollingUpdate：最大激增 25%（向上取整）、最大不可用 25%（向下取整）：2 个副本时，每个旧 Pod 停止前先启动一个新 Pod。',
        swarm: 'update_config：parallelism 1、stop-first — 先停止一个 task，再启动其替代者，并在 5 秒监控期内观察，然后才处理下一个。',
      },
      scale: {
        kubernetes: 'ReplicaSet 立即增加或删除 Pod。HorizontalPodAutoscaler 可以根据 CPU 使用率自动完成。',
        swarm: '编排器立即填充或清空 slot。Swarm 没有自动扩缩器：扩缩总是靠 docker service scale。',
      },
      traffic: {
        kubernetes: 'kubeplay traffic 从集群内部以每秒 10 个请求、持续一分钟发往 vote Service；kube-proxy 为每个请求随机选择一个就绪的 Pod。已停止节点上的 Pod 在被标记为未就绪之前仍会收到请求。',
        swarm: 'kubeplay traffic 从外部以每秒 10 个请求、持续一分钟轮流发往每个节点的 8080 端口；路由网格在运行中的 task 之间轮询均衡。已停止的节点不会应答：发往它的请求超时。',
      },
      rollBack: {
        kubernetes: 'kubectl rollout undo 回到上一个 ReplicaSet（最近 10 个版本中的任意一个），像普通更新一样滚动发布。',
        swarm: 'docker service rollback 换回上一个 spec（只能回退一步），按 rollback_config：parallelism 1、stop-first。',
      },
    },
  },
};
