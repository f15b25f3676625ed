import { describe, expect, it } from 'vitest';
import vectors from '../testing/goStdlibVectors.json';
import { tabwrite, tabwriteText } from './tabwrite';

// Vectors produced by Go's text/tabwriter (tabwidth 8, pad ' ', no flags) with
// kubectl's table settings (6, 3) and describe settings (0, 2): random cells,
// empty cells, multi-byte runes, unterminated last lines.
describe('tabwriteText matches Go text/tabwriter', () => {
  vectors.tabwriter.forEach((v, i) => {
    it(`vector ${i} (minwidth ${v.minWidth}, padding ${v.padding})`, () => {
      expect(tabwriteText(v.text, { minWidth: v.minWidth, padding: v.padding })).toBe(v.out);
    });
  });
});

describe('tabwrite', () => {
  it('aligns rows with kubectl table settings by default and never pads the last cell', () => {
    expect(tabwrite([['NAME', 'READY', 'STATUS'], ['nginx', '1/1', 'Running']])).toBe('NAME    READY   STATUS\nnginx   1/1     Running\n');
  });

  it('uses describe settings when asked (rollout history)', () => {
    expect(tabwrite([['REVISION', 'CHANGE-CAUSE'], ['1', '<none>']], { minWidth: 0, padding: 2 })).toBe('REVISION  CHANGE-CAUSE\n1         <none>\n');
  });
});
