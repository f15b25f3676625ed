/**
 * Every file under `lessons/` (the lessons' Markdown and starting files) as text, by path.
 * Bundled into one chunk that the page imports only when the lesson list first opens, so
 * lessons never weigh on the first screen.
 */
export const LESSON_SOURCES: Readonly<Record<string, string>> = import.meta.glob(['../../../lessons/*/*.md', '../../../lessons/*/*.yaml', '../../../lessons/*/*.yml', '../../../lessons/*/*.json'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
