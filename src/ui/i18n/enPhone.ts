/** English strings of a phone's layout: the tab bar that shows one panel at a time (part of `en.ts`). */
export const enPhone = {
  phone: {
    tabs: 'Panels',
    lesson: 'Lesson',
    editor: 'Editor',
    cluster: 'Cluster',
    terminal: 'Terminal',
    newOutput: 'new output',
  },
};
