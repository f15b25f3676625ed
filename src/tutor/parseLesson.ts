import { parseExpectation } from './checks/index';
import { parseSwarmQuestion, swarmQuestionCommand } from './checks/swarm';
import { readFrontMatter } from './frontMatter';
import { readQuiz } from './quiz';
import { LESSON_VIEWS, type LessonView } from './types';
import type { Check, Lesson, LessonError, LessonFile, LessonLanguage, Probe, Quiz, SolutionAction, Step } from './types';

/** What `parseLesson` returns: the lesson, or every problem found (file and line). */
export type ParseResult = { ok: true; lesson: Lesson } | { ok: false; errors: LessonError[] };

/** A fenced block: its info string, first content line and contents. */
interface Fence {
  info: string;
  line: number;
  lines: string[];
}

const STEP_HEADING = /^##\s+(.+?)\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)(?:\s+view=(\S+))?\}\s*$/;
const HINT = /^>\s*(?:Hint|提示)\s*[:：]\s*(.*)$/;
const CAPTURE = /^([A-Za-z_][A-Za-z0-9_]*)=\$\((.+)\)$/;

/** `key=value` words of a fence's info string after its first word. */
function infoAttributes(info: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of info.split(/\s+/).slice(1)) {
    const eq = w.indexOf('=');
    if (eq > 0) out[w.slice(0, eq)] = w.slice(eq + 1);
  }
  return out;
}

/**
 * Reads a lesson file (`lessons/<NN-id>/<language>.md`): front matter,
 * introduction, and `## Title {#id}` steps with their check, solution,
 * files and hints. `files` are the lesson folder's other files by name
 * (the starting files the front matter lists).
 * @example parseLesson(text, { file: 'lessons/04-self-healing/en.md', language: 'en', files: { 'web.yaml': '…' } })
 */
export function parseLesson(text: string, options: { file: string; language: LessonLanguage; files?: Record<string, string> }): ParseResult {
  const file = options.file;
  const normalized = text.replace(/\r\n?/g, '\n');
  const { front, bodyStart, errors } = readFrontMatter(normalized, file);
  if (!front) return { ok: false, errors };
  const err = (line: number, message: string) => errors.push({ file, line, message });
  const lines = normalized.split('\n');

  const startFiles: LessonFile[] = [];
  for (const name of front.files) {
    const content = options.files?.[name];
    if (content === undefined) err(1, `starting file "${name}" is not in the lesson folder`);
    else startFiles.push({ name, content });
  }

  const intro: string[] = [];
  const steps: Step[] = [];
  let step: { id: string; title: string; line: number; view?: LessonView; body: string[]; fences: Fence[]; hints: string[]; hintOpen: boolean } | undefined;
  const finish = () => {
    if (step) {
      const built = buildStep(step, err);
      if (built) steps.push(built);
    }
  };
  for (let i = bodyStart; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i];
    const fenceOpen = /^(`{3,}|~{3,})\s*(.*)$/.exec(line);
    if (fenceOpen) {
      const marker = fenceOpen[1];
      const close = lines.findIndex((l, j) => j > i && l.trim().startsWith(marker[0].repeat(marker.length)) && l.trim().replace(new RegExp(`^\\${marker[0]}+`), '') === '');
      if (close < 0) {
        err(lineNo, `code block opened here is never closed (${marker})`);
        break;
      }
      const fence: Fence = { info: fenceOpen[2].trim(), line: lineNo + 1, lines: lines.slice(i + 1, close) };
      const kind = fence.info.split(/\s+/)[0];
      if (['check', 'solution', 'file', 'quiz'].includes(kind)) {
        if (!step) err(lineNo, `a \`${kind}\` block must be inside a step (a "## Title {#id}" section)`);
        else step.fences.push(fence);
      } else (step ? step.body : intro).push(...lines.slice(i, close + 1));
      i = close;
      continue;
    }
    if (line.startsWith('## ')) {
      finish();
      const m = STEP_HEADING.exec(line);
      if (!m) {
        err(lineNo, 'a step heading needs an id: "## Title {#step-id}" (lowercase words joined by "-"), optionally a view: "{#step-id view=swarm}"');
        step = undefined;
        continue;
      }
      if (steps.some((s) => s.id === m[2])) err(lineNo, `step id "${m[2]}" is used twice`);
      const view = m[3] as LessonView | undefined;
      if (view !== undefined && !LESSON_VIEWS.includes(view)) err(lineNo, `a step's view is one of ${LESSON_VIEWS.join(', ')}, got "${view}"`);
      step = { title: m[1], id: m[2], line: lineNo, ...(view && { view }), body: [], fences: [], hints: [], hintOpen: false };
      continue;
    }
    if (!step) {
      intro.push(line);
      continue;
    }
    const hint = HINT.exec(line);
    if (hint) {
      step.hints.push(hint[1].trim());
      step.hintOpen = true;
    } else if (step.hintOpen && line.startsWith('>') && line.replace(/^>\s?/, '').trim() !== '') {
      step.hints[step.hints.length - 1] += ` ${line.replace(/^>\s?/, '').trim()}`;
    } else {
      step.hintOpen = false;
      step.body.push(line);
    }
  }
  finish();
  if (steps.length === 0 && errors.length === 0) err(bodyStart + 1, 'a lesson needs at least one step ("## Title {#step-id}")');
  if (errors.length) return { ok: false, errors };
  const lesson: Lesson = {
    id: front.id,
    language: options.language,
    source: file,
    title: front.title,
    summary: front.summary,
    minutes: front.minutes,
    prerequisites: front.prerequisites,
    cluster: front.cluster,
    files: startFiles,
    setup: front.setup,
    intro: intro.join('\n').trim(),
    steps,
  };
  return { ok: true, lesson };
}

function buildStep(
  s: { id: string; title: string; line: number; view?: LessonView; body: string[]; fences: Fence[]; hints: string[] },
  err: (line: number, message: string) => void,
): Step | undefined {
  const files: LessonFile[] = [];
  const solution: SolutionAction[] = [];
  let check: Check | undefined;
  let quiz: Quiz | undefined;
  for (const f of s.fences) {
    const kind = f.info.split(/\s+/)[0];
    const attrs = infoAttributes(f.info);
    if (kind === 'file') {
      if (!attrs.name) err(f.line - 1, 'a `file` block needs a name: ```file name=web.yaml');
      else files.push({ name: attrs.name, content: joinContent(f.lines) });
    } else if (kind === 'check') {
      if (check) err(f.line - 1, `step "${s.id}" has a second \`check\` block (write all its commands in one)`);
      check = readCheck(f, err);
    } else if (kind === 'quiz') {
      if (quiz) err(f.line - 1, `step "${s.id}" has a second \`quiz\` block (one question per step)`);
      quiz = readQuiz(f.lines, f.line, err);
    } else if (attrs.file) solution.push({ type: 'file', name: attrs.file, content: joinContent(f.lines), sourceLine: f.line - 1 });
    else solution.push(...readSolutionCommands(f, err));
  }
  const kinds = s.fences.map((f) => f.info.split(/\s+/)[0]);
  const has = (k: string) => kinds.includes(k);
  if (!has('check') && !has('quiz')) err(s.line, `step "${s.id}" has no \`check\` block (nor a \`quiz\`)`);
  if ((has('check') || !has('quiz')) && !has('solution')) err(s.line, `step "${s.id}" has no \`solution\` block`);
  if (!has('check') && has('quiz') && has('solution')) err(s.line, `step "${s.id}": a quiz's solution is its "+" options; a \`solution\` block belongs to a \`check\``);
  if (has('check') ? !check || solution.length === 0 : !quiz) return undefined;
  if (has('quiz') && !quiz) return undefined;
  return { id: s.id, title: s.title, line: s.line, ...(s.view && { view: s.view }), body: s.body.join('\n').trim(), files, ...(check && { check }), ...(quiz && { quiz }), hints: s.hints, solution };
}

const joinContent = (lines: string[]) => (lines.length ? `${lines.join('\n')}\n` : '');

function readCheck(f: Fence, err: (line: number, message: string) => void): Check | undefined {
  const probes: Probe[] = [];
  const judged = new Set<Probe>();
  let ok = true;
  f.lines.forEach((raw, k) => {
    const line = raw.trim();
    const lineNo = f.line + k;
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('$ ')) {
      probes.push({ command: line.slice(2).trim(), line: lineNo, expectations: [] });
      return;
    }
    if (line.startsWith('? ')) {
      const q = parseSwarmQuestion(line.slice(2));
      if (typeof q === 'string') {
        err(lineNo, q);
        ok = false;
        return;
      }
      const probe: Probe = { command: swarmQuestionCommand(q), line: lineNo, expectations: [], question: q };
      probes.push(probe);
      judged.add(probe);
      return;
    }
    const probe = probes[probes.length - 1];
    if (!probe) {
      err(lineNo, 'a check starts with a command line ("$ kubectl …") or a swarm question ("? service web has 3 running tasks")');
      ok = false;
      return;
    }
    if (probe.question) {
      err(lineNo, `"? ${probe.question.text}" is a question to the swarm: it takes no expectation line (put "${line}" under a "$ command")`);
      ok = false;
      return;
    }
    const e = parseExpectation(line);
    judged.add(probe);
    if (typeof e === 'string') {
      err(lineNo, e);
      ok = false;
    } else probe.expectations.push(e);
  });
  if (probes.length === 0) {
    err(f.line - 1, 'a `check` block needs at least one "$ command" line');
    return undefined;
  }
  for (const p of probes)
    if (!judged.has(p)) {
      err(p.line, `"${p.command}" has no expectation under it (e.g. "= 3", "~ Running", "lines >= 1", "exit 1")`);
      ok = false;
    }
  return ok ? { line: f.line - 1, probes } : undefined;
}

function readSolutionCommands(f: Fence, err: (line: number, message: string) => void): SolutionAction[] {
  const out: SolutionAction[] = [];
  f.lines.forEach((raw, k) => {
    const line = raw.trim().replace(/^\$\s+/, '');
    const lineNo = f.line + k;
    if (line === '' || line.startsWith('#')) return;
    const capture = CAPTURE.exec(line);
    if (capture) out.push({ type: 'capture', variable: capture[1], command: capture[2].trim(), sourceLine: lineNo });
    else if (line.includes('$(')) err(lineNo, 'command substitution works only as a whole line: NAME=$(command)');
    else out.push({ type: 'command', line, sourceLine: lineNo });
  });
  if (f.lines.every((l) => l.trim() === '' || l.trim().startsWith('#'))) err(f.line - 1, 'a `solution` block needs at least one command');
  return out;
}
