import { expect, type Locator, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';

/** Every lesson folder under lessons/ and its English title (read from the front matter). */
export function lessonTitles(): { folder: string; title: string }[] {
  return readdirSync('lessons', { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d+-/.test(d.name))
    .map((d) => ({
      folder: d.name,
      title:
        /^title:\s*(.+)$/m
          .exec(readFileSync(`lessons/${d.name}/en.md`, 'utf8'))?.[1]
          .trim()
          .replace(/^"(.*)"$/, '$1') ?? d.name,
    }))
    .sort((a, b) => a.folder.localeCompare(b.folder));
}

/** The lesson column, by the names the page gives it (English unless `zh`). */
export class LessonsUi {
  constructor(readonly page: Page) {}

  /** The lesson column's live check (`status` named "Check" / "检查"). */
  check(zh = false): Locator {
    return this.page.getByRole('status', { name: zh ? '检查' : 'Check' });
  }

  async openList(): Promise<void> {
    const list = this.page.locator('.lesson-cards');
    if (!(await list.isVisible())) {
      const back = this.page.getByRole('button', { name: 'All lessons', exact: true }).first();
      if (await back.isVisible()) await back.click();
      else await this.page.getByRole('button', { name: 'Lessons', exact: true }).click();
    }
    await expect(list).toBeVisible();
  }

  /** A lesson's card in the list. */
  card(title: string): Locator {
    return this.page.locator('.lesson-card').filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  async start(title: string): Promise<void> {
    await this.openList();
    await this.card(title)
      .getByRole('button', { name: `Start lesson ${title}`, exact: true })
      .click();
    await expect(this.page.getByRole('heading', { name: `Lesson: ${title}` })).toBeVisible();
  }

  /** Waits for the current step's check to turn green. */
  async passes(timeout = 45_000): Promise<void> {
    await expect(this.check()).toContainText(/Done|Right!/, { timeout });
    await expect(this.page.locator('.lesson-check')).toHaveAttribute('data-state', 'pass');
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next →' }).click();
  }

  /** Steps of the open lesson (their dots). */
  async stepCount(): Promise<number> {
    return this.page.getByRole('navigation', { name: 'Steps' }).getByRole('button').count();
  }

  /**
   * Plays every remaining step of the open lesson with its solution (or, for a quiz, its answer),
   * checking that each check is not yet green before and turns green after.
   */
  async walkBySolutions(from = 0): Promise<void> {
    const steps = await this.stepCount();
    for (let i = from; i < steps; i++) {
      await expect(this.page.getByText(`Step ${i + 1} of ${steps}`)).toBeVisible();
      await expect(this.page.locator('.lesson-check')).toHaveAttribute('data-state', 'waiting');
      await this.page.getByRole('button', { name: /^Show (solution|answer)$/ }).click();
      await this.passes(90_000);
      if (i < steps - 1) await this.next();
    }
    await expect(this.page.getByRole('region', { name: 'Lesson complete!' })).toBeVisible();
  }
}
