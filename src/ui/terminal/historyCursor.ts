/**
 * Walks the command history with ↑/↓ as bash does: ↑ from the line being
 * typed saves it as a draft, ↓ past the newest entry returns to the draft.
 */
export class HistoryCursor {
  private index: number;
  private draft = '';

  constructor(private readonly entries: readonly string[]) {
    this.index = entries.length;
  }

  /** The older entry, or undefined at the oldest. */
  up(current: string): string | undefined {
    if (this.index === 0) return undefined;
    if (this.index === this.entries.length) this.draft = current;
    this.index--;
    return this.entries[this.index];
  }

  /** The newer entry (the draft after the newest), or undefined when already at the draft. */
  down(): string | undefined {
    if (this.index >= this.entries.length) return undefined;
    this.index++;
    return this.index === this.entries.length ? this.draft : this.entries[this.index];
  }
}
