import { expect, test } from './support/fixtures';
import { lessonTitles, LessonsUi } from './support/lessons';

/**
 * What in the lesson column does not fit its width at 1280×720, for every step of every lesson:
 * a code block of commands or prose that scrolls sideways, the column scrolling sideways, a
 * cramped button, a cut title. A screenshot of each lesson's first step to look at.
 */
interface Misfit {
  lesson: string;
  step: number;
  what: string;
}

async function misfits(page: import('@playwright/test').Page, lesson: string, step: number): Promise<Misfit[]> {
  const found = await page.evaluate(() => {
    const out: string[] = [];
    const body = document.querySelector('.lesson-body');
    if (body && body.scrollWidth > body.clientWidth + 1) out.push(`body scrolls sideways by ${body.scrollWidth - body.clientWidth}px`);
    // Only a block with a row of columns (output) may scroll sideways; commands and prose wrap.
    for (const pre of document.querySelectorAll<HTMLElement>('.lesson-body pre.md-code'))
      if (pre.scrollWidth > pre.clientWidth + 1 && !pre.querySelector('.md-line:not(.wraps)')) out.push(`code block scrolls by ${pre.scrollWidth - pre.clientWidth}px: ${pre.textContent?.split('\n').sort((a, b) => b.length - a.length)[0]}`);
    const title = document.querySelector<HTMLElement>('.lesson-title');
    if (title && title.scrollHeight > title.clientHeight + 1) out.push(`title cut: ${title.textContent}`);
    for (const b of document.querySelectorAll<HTMLElement>('.lesson-view button')) if (b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().height > 40) out.push(`button cramped: ${b.textContent}`);
    return out;
  });
  return found.map((what) => ({ lesson, step, what }));
}

test('every lesson’s steps fit the lesson column at 1280×720', async ({ kp, page }) => {
  test.setTimeout(600_000);
  const lessons = new LessonsUi(page);
  const all: Misfit[] = [];
  for (const { title } of lessonTitles()) {
    await lessons.openList();
    await lessons.card(title).getByRole('button', { name: new RegExp(`^Start lesson ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
    await expect(page.getByRole('heading', { name: `Lesson: ${title}` })).toBeVisible();
    const steps = await lessons.stepCount();
    for (let i = 0; i < steps; i++) {
      await page.getByRole('navigation', { name: 'Steps' }).getByRole('button').nth(i).click();
      await expect(page.getByText(`Step ${i + 1} of ${steps}`)).toBeVisible();
      all.push(...(await misfits(page, title, i + 1)));
      if (i === 0) await kp.screenshot(`lesson-column-${title.replace(/\W+/g, '-').toLowerCase()}`);
    }
  }
  expect(all.map((m) => `${m.lesson} #${m.step}: ${m.what}`)).toEqual([]);
});
