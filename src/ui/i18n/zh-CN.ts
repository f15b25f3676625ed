import type { Messages } from './en';

/**
 * 简体中文界面文字。术语以 Kubernetes 中文文档（kubernetes.io/zh-cn）为准：Pod、节点、
 * 工作负载、副本、调度器、控制平面、命名空间；资源类别（Deployment、Service、ReplicaSet…）
 * 与 kubectl 的输出保持英文。Loaded lazily: only a Chinese-speaking visitor downloads it.
 */
export const zhCN: Messages = {
  app: {
    tagline: '在浏览器中模拟的 Kubernetes {{version}}',
    resizeTerminal: '调整终端大小',
    resizeEditor: '调整编辑器大小',
    resizeInspector: '调整详情面板大小',
  },
  language: {
    label: '语言',
    en: 'English',
    'zh-CN': '简体中文',
  },
  topbar: {
    reset: '重置',
    resetTitle: '从一个全新的默认集群重新开始',
    speedCaption: '速度',
    paused: '已暂停',
    pause: '暂停',
    resume: '继续',
    pauseTitle: '暂停时间',
    resumeTitle: '恢复时间流逝',
    clockCaption: '虚拟时间',
    clockTitle: '虚拟时间 {{iso}}',
    clockLabel: '集群启动后经过的虚拟时间 {{elapsed}}',
  },
};
