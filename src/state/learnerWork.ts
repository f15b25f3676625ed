/**
 * What in the session is the learner's own work, as opposed to what the page
 * or a lesson put there: files that differ from what was last written for
 * them (the starter files, a lesson's files) and commands the learner issued
 * (not the ones a lesson's setup or "Show solution" played). A lesson that
 * replaces the cluster and the files must never lose such work silently.
 */
import type { LoggedCommand } from './types';

/** The session's parts that can hold work. */
export interface SessionWork {
  readonly commandLog: readonly LoggedCommand[];
  readonly files: Readonly<Record<string, string>>;
}

/** What the page or a lesson last wrote; everything beyond it is the learner's. */
export class WorkBaseline {
  private files: Readonly<Record<string, string>>;
  private played = new WeakSet<LoggedCommand>();

  constructor(readonly starterFiles: Readonly<Record<string, string>>) {
    this.files = starterFiles;
  }

  /** The editor now holds exactly `files`, written by the page (a lesson's start). */
  wroteAll(files: Readonly<Record<string, string>>): void {
    this.files = files;
  }

  /** The page (a lesson step) wrote `content` into `name`. */
  wrote(name: string, content: string): void {
    this.files = { ...this.files, [name]: content };
  }

  /** `entry` was played by a lesson (setup or solution), not typed by the learner. */
  playedBy(entry: LoggedCommand | undefined): void {
    if (entry) this.played.add(entry);
  }

  /** Whether `session` holds anything of the learner's: a command they issued, or a file that differs from what was written. */
  hasWork(session: SessionWork): boolean {
    if (session.commandLog.some((c) => 'line' in c && !this.played.has(c))) return true;
    const names = Object.keys(session.files);
    const written = Object.keys(this.files);
    return names.length !== written.length || names.some((n) => session.files[n] !== this.files[n]);
  }

  /** How much there is: commands the learner issued, and files changed, added or removed. */
  measure(session: SessionWork): { commands: number; files: number } {
    const commands = session.commandLog.filter((c) => 'line' in c && !this.played.has(c)).length;
    const names = new Set([...Object.keys(session.files), ...Object.keys(this.files)]);
    const files = [...names].filter((n) => session.files[n] !== this.files[n]).length;
    return { commands, files };
  }
}
