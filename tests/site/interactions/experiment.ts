/**
 * Experiment page interactions for the browser test: the test selector changes the verdict and the
 * audit shown; the step selector changes the daily readout.
 */
import assert from "node:assert/strict";
import type {Page} from "playwright-core";

async function changedText(page: Page, selector: string, before: string): Promise<string> {
  await page.waitForFunction(([sel, old]) => (document.querySelector(sel)?.textContent ?? "") !== old, [selector, before] as const, {timeout: 10_000});
  return (await page.locator(selector).first().textContent()) ?? "";
}

/** Select the option with this label in the nth select of the main area. */
async function choose(page: Page, label: string | RegExp, nth = 0): Promise<void> {
  const select = page.locator("#observablehq-main select").nth(nth);
  const options = await select.locator("option").allTextContents();
  const option = options.find((o) => (typeof label === "string" ? o === label : label.test(o)));
  assert.ok(option, `an option ${label} among ${options.join(", ")}`);
  await select.selectOption({label: option});
}

export const interactions: Record<string, (page: Page) => Promise<void>> = {
  "/experiment/": async (page) => {
    const before = (await page.locator("p.answer").textContent()) ?? "";
    assert.doesNotMatch(before, /^Do not decide/, "the first test's verdict is read from comparable groups");
    await choose(page, "interface_eu_test");
    const after = await changedText(page, "p.answer", before);
    assert.match(after, /^Do not decide on this test/, "the second test's sample ratio mismatch stops the verdict");
    assert.ok(await page.locator("ol.actions li").count() >= 3);
  },
  "/experiment/over-time": async (page) => {
    const selector = "#observablehq-main h2 + p";
    const before = (await page.locator(selector).first().textContent()) ?? "";
    await choose(page, "product_page", 1);
    const after = await changedText(page, selector, before);
    assert.match(after, /product_page/);
  }
};
