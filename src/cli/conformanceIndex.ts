/**
 * Reads a conformance coverage index (scenarios/conformance/AREA.md): a
 * Markdown table `| Testname | Scripts | Status |` with one row per S
 * testname. Scripts are `.script` paths relative to the index's folder,
 * comma-separated. Status is `covered`, `not faithful: <reason>` or
 * `pending: <reason>` (waits on a feature another piece of work brings).
 */
export type CoverageStatus = { type: 'covered' } | { type: 'not faithful'; reason: string } | { type: 'pending'; reason: string };

export interface CoverageRow {
  testname: string;
  scripts: string[];
  status: CoverageStatus;
  /** 1-based line in the index, for error messages. */
  line: number;
}

export interface ParsedIndex {
  rows: CoverageRow[];
  errors: string[];
}

function splitRow(line: string): string[] {
  return line
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

export function parseStatus(text: string): CoverageStatus | string {
  if (text === 'covered') return { type: 'covered' };
  const m = /^(not faithful|pending):\s*(.*)$/.exec(text);
  if (!m) return `status must be "covered", "not faithful: <reason>" or "pending: <reason>", got "${text}"`;
  if (m[2].trim() === '') return `"${m[1]}" needs a reason`;
  return { type: m[1] as 'not faithful' | 'pending', reason: m[2].trim() };
}

/** Parses the first table whose header is Testname | Scripts | Status. */
export function parseCoverageIndex(text: string): ParsedIndex {
  const rows: CoverageRow[] = [];
  const errors: string[] = [];
  const lines = text.split(/\r?\n/);
  const header = lines.findIndex((l) => /^\|\s*Testname\s*\|\s*Scripts\s*\|\s*Status\s*\|\s*$/.test(l));
  if (header < 0) return { rows, errors: ['no table with header "| Testname | Scripts | Status |"'] };
  for (let i = header + 2; i < lines.length && lines[i].trim().startsWith('|'); i++) {
    const cells = splitRow(lines[i].trim());
    const line = i + 1;
    if (cells.length !== 3) {
      errors.push(`line ${line}: expected 3 cells, got ${cells.length}`);
      continue;
    }
    const [testname, scriptCell, statusCell] = cells;
    const scripts = scriptCell
      .split(',')
      .map((s) => s.trim().replace(/^`|`$/g, ''))
      .filter((s) => s !== '');
    const status = parseStatus(statusCell);
    if (typeof status === 'string') {
      errors.push(`line ${line} (${testname}): ${status}`);
      continue;
    }
    if (status.type === 'covered' && scripts.length === 0) errors.push(`line ${line} (${testname}): covered but names no script`);
    const bad = scripts.filter((s) => !s.endsWith('.script'));
    if (bad.length) errors.push(`line ${line} (${testname}): not a .script path: ${bad.join(', ')}`);
    rows.push({ testname, scripts, status, line });
  }
  return { rows, errors };
}
