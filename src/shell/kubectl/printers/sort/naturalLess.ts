/** `sortorder.NaturalLess` (github.com/fvbommel/sortorder): digit runs compare as numbers. */
export function naturalLess(str1: string, str2: string): boolean {
  const isDigit = (c: string) => c >= '0' && c <= '9';
  let i1 = 0;
  let i2 = 0;
  while (i1 < str1.length && i2 < str2.length) {
    const c1 = str1[i1];
    const c2 = str2[i2];
    const d1 = isDigit(c1);
    const d2 = isDigit(c2);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i1++;
      i2++;
      continue;
    }
    while (i1 < str1.length && str1[i1] === '0') i1++;
    while (i2 < str2.length && str2[i2] === '0') i2++;
    const nz1 = i1;
    const nz2 = i2;
    while (i1 < str1.length && isDigit(str1[i1])) i1++;
    while (i2 < str2.length && isDigit(str2[i2])) i2++;
    const len1 = i1 - nz1;
    const len2 = i2 - nz2;
    if (len1 !== len2) return len1 < len2;
    const n1 = str1.slice(nz1, i1);
    const n2 = str2.slice(nz2, i2);
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return str1.length < str2.length;
}
