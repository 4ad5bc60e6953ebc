/**
 * The overview dashboard in the browser (called from site.test.ts for the page "/"): every present
 * case has a panel with tiles; choosing a level in a case's first filter changes what its first
 * tile shows to a smaller count (a part of the whole) or to "hidden", and the chart is redrawn;
 * setting the filter back to "All" restores the whole.
 */
import assert from "node:assert/strict";
import type {Page} from "playwright-core";

const count = (text: string) => Number(text.replace(/[^\d]/g, ""));

async function firstTile(page: Page, panel: string): Promise<string> {
  return (await page.locator(`${panel} .dashboard-tile .big`).first().innerText()).trim();
}

async function choose(page: Page, panel: string, value: string | null): Promise<void> {
  const select = page.locator(`${panel} .dashboard-filters select`).first();
  const option = value ?? (await select.locator("option").nth(1).getAttribute("value"))!;
  await select.selectOption(option);
}

export const interactions: Record<string, (page: Page) => Promise<void>> = {
  "/": async (page) => {
    const panels = await page.locator(".dashboard-case").evaluateAll((sections) => sections.map((s) => `#${s.id}`));
    assert.ok(panels.length > 0, "the overview shows a panel per present case");
    for (const panel of panels) {
      assert.ok((await page.locator(`${panel} .dashboard-tile`).count()) >= 3, `${panel} shows at least three tiles`);
      assert.equal(await page.locator(`${panel} .dashboard-chart svg`).count(), 1, `${panel} draws its chart`);
      // A first filter of one level cannot show a part of the whole.
      if ((await page.locator(`${panel} .dashboard-filters select`).first().locator("option").count()) < 3) continue;
      const whole = await firstTile(page, panel);
      const chartBefore = await page.locator(`${panel} .dashboard-chart`).innerHTML();
      await choose(page, panel, null);
      await page.waitForFunction(([p, w]) => document.querySelector(`${p} .dashboard-tile .big`)?.textContent?.trim() !== w, [panel, whole] as const, {timeout: 10_000});
      const part = await firstTile(page, panel);
      assert.ok(part.startsWith("hidden") || count(part) < count(whole), `${panel}: one level of the first filter shows a part of the whole: ${whole} → ${part}`);
      assert.notEqual(await page.locator(`${panel} .dashboard-chart`).innerHTML(), chartBefore, `${panel}: the chart is redrawn for the filter`);
      await choose(page, panel, "*");
      await page.waitForFunction(([p, w]) => document.querySelector(`${p} .dashboard-tile .big`)?.textContent?.trim() === w, [panel, whole] as const, {timeout: 10_000});
    }
  }
};
