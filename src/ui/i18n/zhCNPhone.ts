import type { enPhone } from './enPhone';

/** 手机布局（底部标签栏，一次显示一个面板）的中文文字（`zh-CN.ts` 的一部分）。 */
export const zhCNPhone: typeof enPhone = {
  phone: {
    tabs: '面板',
    lesson: '课程',
    editor: '编辑器',
    cluster: '集群',
    terminal: '终端',
    newOutput: '有新输出',
  },
};
