/**
 * E-commerce page interactions for the browser test: each moves an input and checks that the
 * text or chart that depends on it changes accordingly.
 */
import assert from "node:assert/strict";
import type {Page} from "playwright-core";

/** Wait until the element's text differs from `before` (reactive cells update asynchronously). */
async function changedText(page: Page, selector: string, before: string): Promise<string> {
  await page.waitForFunction(([sel, old]) => (document.querySelector(sel)?.textContent ?? "") !== old, [selector, before] as const, {timeout: 10_000});
  return (await page.locator(selector).first().textContent()) ?? "";
}

/** Pick another option of the page's select (the first select of the main area) and return its label. */
async function pickOther(page: Page, nth = 0): Promise<string> {
  const select = page.locator("#observablehq-main select").nth(nth);
  const options = await select.locator("option").allTextContents();
  assert.ok(options.length >= 2, `select has ${options.length} options`);
  const current = await select.evaluate((s: HTMLSelectElement) => s.options[s.selectedIndex].text);
  const other = options.find((o) => o !== current)!;
  await select.selectOption({label: other});
  return other;
}

export const interactions: Record<string, (page: Page) => Promise<void>> = {
  "/ecommerce/": async (page) => {
    // The assumed rate of extra orders moves every action's expected effect.
    const selector = "ol.actions li .muted";
    const before = (await page.locator(selector).first().textContent()) ?? "";
    assert.match(before, /At 2 extra orders per 100 mailed/);
    const input = page.locator("#observablehq-main input[type=number]").first();
    await input.fill("10");
    await input.dispatchEvent("input");
    const after = await changedText(page, selector, before);
    assert.match(after, /At 10 extra orders per 100 mailed/);
  },
  "/ecommerce/categories": async (page) => {
    const selector = "#ecommerce-category-picked";
    const before = (await page.locator(selector).textContent()) ?? "";
    const label = await pickOther(page);
    const after = await changedText(page, selector, before);
    assert.ok(after.startsWith(label), `category summary should name ${label}: ${after}`);
  },
  "/ecommerce/time": async (page) => {
    const axis = () => page.locator("#observablehq-main figure svg, #observablehq-main svg").evaluateAll((svgs) => svgs.map((s) => s.textContent ?? "").join(" | "));
    const before = await axis();
    assert.ok(before.includes("Revenue per month"), "monthly chart starts on revenue");
    await page.locator("#observablehq-main input[type=radio]").nth(1).check();
    await page.waitForFunction(() => [...document.querySelectorAll("#observablehq-main svg")].some((s) => (s.textContent ?? "").includes("Orders with the category per month")), undefined, {timeout: 10_000});
    const after = await axis();
    assert.ok(!after.includes("Revenue per month"), "the revenue axis is replaced by the orders axis");
  },
  "/ecommerce/profiles": async (page) => {
    const selector = "#ecommerce-profile-card h2";
    const before = (await page.locator(selector).textContent()) ?? "";
    const name = await pickOther(page);
    const after = await changedText(page, selector, before);
    assert.equal(after.trim(), name);
  },
  "/ecommerce/mailing-plan": async (page) => {
    const selector = "#ecommerce-plan-card h2";
    const before = (await page.locator(selector).textContent()) ?? "";
    const label = await pickOther(page);
    const after = await changedText(page, selector, before);
    assert.ok(after.startsWith(`${label}:`), `plan card should show ${label}: ${after}`);
  }
};
