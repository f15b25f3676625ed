import { expect, test } from './support/fixtures';

/**
 * Screenshots of the lesson column to look at (`.reports/screenshots/lessons-*.png`): the list
 * and a lesson at 1280×720 and 1920×1080, in the light and dark themes, in English and 简体中文.
 */
const LOOKS = [
  { name: 'en-light-1280', locale: 'en-US', colorScheme: 'light', viewport: { width: 1280, height: 720 } },
  { name: 'en-dark-1920', locale: 'en-US', colorScheme: 'dark', viewport: { width: 1920, height: 1080 } },
  { name: 'zh-dark-1280', locale: 'zh-CN', colorScheme: 'dark', viewport: { width: 1280, height: 720 } },
  { name: 'zh-light-1920', locale: 'zh-CN', colorScheme: 'light', viewport: { width: 1920, height: 1080 } },
] as const;

for (const look of LOOKS) {
  test.describe(look.name, () => {
    test.use({ locale: look.locale, colorScheme: look.colorScheme, viewport: look.viewport });

    test(`lesson list, a step with a hint and its check, and a quiz (${look.name})`, async ({ kp, page }) => {
      test.setTimeout(120_000);
      const zh = look.locale === 'zh-CN';
      await page.getByRole('button', { name: zh ? '课程' : 'Lessons', exact: true }).click();
      const cards = page.locator('.lesson-card');
      await expect(cards.first()).toBeVisible();
      await kp.screenshot(`lessons-${look.name}-list`);

      await cards
        .nth(3)
        .getByRole('button', { name: zh ? /^开始课程/ : /^Start lesson/ })
        .click();
      await kp.speed.selectOption('30');
      await page.getByRole('button', { name: zh ? '显示提示' : 'Show a hint' }).click();
      await page
        .getByRole('button', { name: zh ? /^应用|^Apply/ : /^Apply/ })
        .first()
        .click();
      await expect(page.locator('.lesson-check')).toHaveAttribute('data-state', 'pass', { timeout: 30_000 });
      await page.locator('.lesson-check-details summary').click();
      await kp.screenshot(`lessons-${look.name}-step`);

      // A lesson with quiz steps: the question as a group of options.
      await page
        .getByRole('button', { name: zh ? '全部课程' : 'All lessons', exact: true })
        .first()
        .click();
      await cards
        .nth(10)
        .getByRole('button', { name: zh ? /^开始课程/ : /^Start lesson/ })
        .click();
      await page
        .getByRole('navigation', { name: zh ? '步骤' : 'Steps' })
        .getByRole('button')
        .nth(1)
        .click();
      const quiz = page.getByRole('group').filter({ has: page.locator('legend') });
      await expect(quiz).toBeVisible();
      await quiz.getByRole('checkbox').first().check();
      await kp.screenshot(`lessons-${look.name}-quiz`);
    });
  });
}
