import type { AppState } from './appState';
import { applyTargets, DiagnosticReader, type FileDiagnostic } from './fileDiagnostics';
import { normalisePath } from '../shell/memoryFiles';
import { HOME, resolvePath } from '../shell/files/paths';
import { fileWriteProblem } from '../session/scenario';
import type { GetState, SetState, StoreKit } from './storeKit';

/** A file whose tab was closed, kept so that it can be reopened. */
export interface ClosedFile {
  readonly name: string;
  readonly text: string;
  /** Where its tab was. */
  readonly index: number;
}

/** The files and their editor tabs; `kubectl apply -f NAME` reads them. */
export interface FilesSlice {
  /** Contents by file name. */
  files: Readonly<Record<string, string>>;
  /** The tabs, in order: every file has one (closing a tab removes the file). */
  fileOrder: readonly string[];
  /** The file shown in the editor. */
  activeFile: string | undefined;
  /** What the last `kubectl apply` reported at places in each file. Cleared by an edit or the next apply. */
  fileDiagnostics: Readonly<Record<string, readonly FileDiagnostic[]>>;
  /** Closed files, newest last (at most `CLOSED_KEPT`). */
  closedFiles: readonly ClosedFile[];
  /** `kubectl apply -f PATH`, issued through the terminal. */
  applyFile(path: string): void;
  openFile(name: string): void;
  editFile(name: string, text: string): void;
  /** Adds a file and opens it; its name is `name` (default `untitled.yaml`) made unique. Returns the name. */
  createFile(name?: string, text?: string): string;
  /** Renames a file; returns why not, when it cannot be done. */
  renameFile(from: string, to: string): string | undefined;
  closeFile(name: string): void;
  /** Brings back the file closed last, in its old place. */
  reopenFile(): void;
  /** Moves a tab to `index` (clamped). */
  moveFile(name: string, index: number): void;
  /** Adds `text` to a file as a new YAML document (after `---`). */
  appendToFile(name: string, text: string): void;
  /**
   * A command wrote a file (`kubectl get deploy web -o yaml > web.yaml`): its
   * contents set (a new file's tab opens after the active one) and its tab
   * shown. Returns why not, in bash's words, when it cannot be written.
   */
  writeFile(name: string, text: string): string | undefined;
  /** Replaces every file (restoring saved work); files that are not text are ignored. */
  restoreFiles(files: Readonly<Record<string, string>>, order?: readonly string[], active?: string): void;
}

export const CLOSED_KEPT = 20;

export const selectFileOrder = (s: AppState) => s.fileOrder;
export const selectActiveFile = (s: AppState) => s.activeFile;
export const selectFileDiagnostics = (s: AppState) => s.fileDiagnostics;
export const selectClosedFiles = (s: AppState) => s.closedFiles;

/** Quotes a path for the shell when it holds anything but safe characters. */
function shellWord(text: string): string {
  return /^[\w./:=@-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Why `name` cannot name a file (undefined when it can). `existing` are the other files. */
export function fileNameProblem(name: string, existing: readonly string[]): string | undefined {
  if (name.trim() === '') return 'A file needs a name.';
  if (name !== name.trim()) return 'A name cannot start or end with a space.';
  if (name.length > 100) return 'Keep names under 100 characters.';
  if (name.includes('\\')) return 'Folders are separated by "/", not "\\".';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) return 'A path names folders and a file: base/web.yaml (no "/" at either end, none doubled).';
  if (name.split('/').some((part) => part === '.' || part === '..')) return 'A path cannot hold "." or ".." as a folder: name the folders (base/web.yaml).';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'Names cannot hold control characters.';
  if (name.startsWith('-')) return 'A name cannot start with "-" (kubectl would read it as a flag).';
  if (name === '.' || name === '..') return `"${name}" is not a file name.`;
  if (existing.includes(name)) return `There is already a file named ${name}.`;
  // A file cannot sit where a folder is, nor a folder where a file is.
  if (existing.some((n) => n.startsWith(`${name}/`))) return `There is already a folder named ${name}.`;
  const clash = existing.find((n) => name.startsWith(`${n}/`));
  if (clash !== undefined) return `${clash} is a file, not a folder.`;
  return undefined;
}

/** The tabs with a new one, `name`, right after the active tab (at the end without one). */
function afterActive(order: readonly string[], active: string | undefined, name: string): string[] {
  const at = active ? order.indexOf(active) + 1 : order.length;
  return [...order.slice(0, at), name, ...order.slice(at)];
}

/** `name` if free, else `name-2.ext`, `name-3.ext`… */
export function uniqueFileName(name: string, existing: readonly string[]): string {
  if (!existing.includes(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!existing.includes(candidate)) return candidate;
  }
}

/** `text` appended to `existing` as a new YAML document. */
export function appendDocument(existing: string, text: string): string {
  if (existing.trim() === '') return text;
  const body = existing.endsWith('\n') ? existing : `${existing}\n`;
  return `${body}---\n${text}`;
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _gone, ...rest } = record;
  return rest;
}

export function createFilesSlice(set: SetState, get: GetState, kit: () => StoreKit, initial: Readonly<Record<string, string>>): FilesSlice {
  watchApplyOutput(set, get, kit);
  const order = Object.keys(initial);
  return {
    files: initial,
    fileOrder: order,
    activeFile: order[0],
    fileDiagnostics: {},
    closedFiles: [],

    applyFile(path) {
      // From another working folder than home, the file is named from home (as bash expands ~/base/web.yaml).
      const named = kit().runtime.workingFolder() === '' ? path : `${HOME}/${path}`;
      get().runCommand(`kubectl apply -f ${shellWord(named)}`, 'ui');
    },

    openFile(name) {
      if (name in get().files && get().activeFile !== name) set({ activeFile: name });
    },

    editFile(name, text) {
      const { files, fileDiagnostics } = get();
      if (!(name in files) || files[name] === text) return;
      set({ files: { ...files, [name]: text }, ...(fileDiagnostics[name] ? { fileDiagnostics: without(fileDiagnostics, name) } : {}) });
    },

    createFile(name = 'untitled.yaml', text = '') {
      const { files, fileOrder, activeFile } = get();
      const base = fileNameProblem(name, []) ? 'untitled.yaml' : name;
      const unique = uniqueFileName(base, fileOrder);
      set({ files: { ...files, [unique]: text }, fileOrder: afterActive(fileOrder, activeFile, unique), activeFile: unique });
      return unique;
    },

    renameFile(from, to) {
      const { files, fileOrder, activeFile, fileDiagnostics } = get();
      if (!(from in files)) return `There is no file named ${from}.`;
      if (from === to) return undefined;
      const problem = fileNameProblem(to, fileOrder.filter((n) => n !== from));
      if (problem) return problem;
      const nextFiles: Record<string, string> = {};
      for (const n of fileOrder) nextFiles[n === from ? to : n] = files[n];
      set({
        files: nextFiles,
        fileOrder: fileOrder.map((n) => (n === from ? to : n)),
        activeFile: activeFile === from ? to : activeFile,
        fileDiagnostics: without(fileDiagnostics, from),
      });
      return undefined;
    },

    closeFile(name) {
      const { files, fileOrder, activeFile, fileDiagnostics, closedFiles } = get();
      const index = fileOrder.indexOf(name);
      if (index < 0) return;
      const nextOrder = fileOrder.filter((n) => n !== name);
      const nextActive = activeFile === name ? nextOrder[Math.min(index, nextOrder.length - 1)] : activeFile;
      set({
        files: without(files, name),
        fileOrder: nextOrder,
        activeFile: nextActive,
        fileDiagnostics: without(fileDiagnostics, name),
        closedFiles: [...closedFiles, { name, text: files[name], index }].slice(-CLOSED_KEPT),
      });
    },

    reopenFile() {
      const { files, fileOrder, closedFiles } = get();
      const last = closedFiles[closedFiles.length - 1];
      if (!last) return;
      const name = uniqueFileName(last.name, fileOrder);
      const at = Math.min(last.index, fileOrder.length);
      set({
        files: { ...files, [name]: last.text },
        fileOrder: [...fileOrder.slice(0, at), name, ...fileOrder.slice(at)],
        activeFile: name,
        closedFiles: closedFiles.slice(0, -1),
      });
    },

    moveFile(name, index) {
      const { fileOrder } = get();
      const from = fileOrder.indexOf(name);
      if (from < 0) return;
      const rest = fileOrder.filter((n) => n !== name);
      const to = Math.max(0, Math.min(rest.length, index));
      if (to === from) return;
      set({ fileOrder: [...rest.slice(0, to), name, ...rest.slice(to)] });
    },

    writeFile(name, text) {
      const { files, fileOrder, activeFile, fileDiagnostics } = get();
      const exists = Object.prototype.hasOwnProperty.call(files, name);
      if (!exists && fileNameProblem(name, [])) return 'No such file or directory';
      const problem = fileWriteProblem(files, name, text);
      if (problem) return problem;
      if (exists) {
        if (files[name] !== text || activeFile !== name) set({ files: { ...files, [name]: text }, activeFile: name, ...(fileDiagnostics[name] ? { fileDiagnostics: without(fileDiagnostics, name) } : {}) });
        return undefined;
      }
      set({ files: { ...files, [name]: text }, fileOrder: afterActive(fileOrder, activeFile, name), activeFile: name });
      return undefined;
    },

    appendToFile(name, text) {
      const { files } = get();
      if (!(name in files)) return;
      get().editFile(name, appendDocument(files[name], text));
    },

    restoreFiles(saved, order, active) {
      const files: Record<string, string> = {};
      const names = [...(order ?? []), ...Object.keys(saved)];
      for (const n of names) {
        if (typeof saved[n] === 'string' && !(n in files) && !fileNameProblem(n, [])) files[n] = saved[n];
      }
      const nextOrder = Object.keys(files);
      if (nextOrder.length === 0) return;
      set({ files, fileOrder: nextOrder, activeFile: active && active in files ? active : nextOrder[0], fileDiagnostics: {} });
    },
  };
}

/**
 * Listens to the terminal: when a `kubectl apply` starts, the files it reads
 * lose their old diagnostics; each `  --> FILE:L:C` it prints adds one.
 * The same happens for an apply typed at the prompt.
 */
function watchApplyOutput(set: SetState, get: GetState, kit: () => StoreKit): void {
  const reader = new DiagnosticReader();
  let reading = false;
  /** A path kubectl printed or was given, as the editor names the file: from the terminal's working folder. */
  const fileNamed = (path: string) => resolvePath(kit().runtime.workingFolder(), path) ?? normalisePath(path);
  kit().subscribe((event) => {
    if (event.type === 'command') {
      const { fileOrder, fileDiagnostics } = get();
      const targets = applyTargets(event.line, fileOrder, fileNamed);
      reading = targets !== undefined;
      reader.reset();
      if (targets === undefined) return;
      const keep = targets === 'all' ? {} : Object.fromEntries(Object.entries(fileDiagnostics).filter(([n]) => !targets.includes(n)));
      if (Object.keys(keep).length !== Object.keys(fileDiagnostics).length) set({ fileDiagnostics: keep });
      return;
    }
    if (event.type !== 'output' || event.stream !== 'stderr' || !reading) return;
    const found = reader.feed(event.text);
    if (found.length === 0) return;
    const next: Record<string, FileDiagnostic[]> = { ...get().fileDiagnostics } as Record<string, FileDiagnostic[]>;
    for (const { file, diagnostic } of found) {
      const name = fileNamed(file);
      if (!(name in get().files)) continue;
      next[name] = [...(next[name] ?? []), diagnostic];
    }
    set({ fileDiagnostics: next });
  });
}
