/** An absolute path with `.`, `..` and repeated slashes resolved (`/a/./b/../c` → `/a/c`). */
export function normalize(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}
