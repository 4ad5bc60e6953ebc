/**
 * Fitness page interactions for the browser test: the model page's threshold slider updates the
 * confusion-matrix summary live (a higher threshold flags fewer members and catches fewer leavers),
 * the groups page's k selector switches the precomputed solution (the summary names only
 * groups that exist for the chosen k), and the recommendations page's success rate scales the
 * members kept (members kept = success rate × expected leavers contacted).
 */
import assert from "node:assert/strict";
import type {Page} from "playwright-core";

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).innerText()).replace(/\s+/g, " ").trim();
}

async function waitForChange(page: Page, selector: string, before: string): Promise<string> {
  await page.waitForFunction(([s, b]) => (document.querySelector(s)?.textContent ?? "").replace(/\s+/g, " ").trim() !== b, [selector, before] as const, {timeout: 10_000});
  return text(page, selector);
}

const numbers = (s: string) => (s.match(/\d[\d,]*/g) ?? []).map((n) => Number(n.replace(/,/g, "")));

export const interactions: Record<string, (page: Page) => Promise<void>> = {
  "/fitness/model": async (page) => {
    const selector = "#fitness-threshold-summary";
    const before = await text(page, selector);
    const [flaggedBefore, , caughtBefore] = numbers(before);
    const slider = page.locator("input[type=range]").first();
    await slider.evaluate((input: HTMLInputElement) => {
      input.value = "0.85";
      input.dispatchEvent(new Event("input", {bubbles: true}));
    });
    const after = await waitForChange(page, selector, before);
    const [flaggedAfter, , caughtAfter] = numbers(after);
    assert.ok(flaggedAfter < flaggedBefore, `raising the threshold should flag fewer members: ${before} → ${after}`);
    assert.ok(caughtAfter <= caughtBefore, `raising the threshold cannot catch more leavers: ${before} → ${after}`);
  },
  "/fitness/recommendations": async (page) => {
    const selector = "#fitness-kept-total";
    const before = await text(page, selector);
    const slider = page.locator("input[type=range]").first();
    const rate = Number(await slider.inputValue());
    await slider.evaluate((input: HTMLInputElement, value) => {
      input.value = String(value);
      input.dispatchEvent(new Event("input", {bubbles: true}));
    }, rate * 3);
    const after = await waitForChange(page, selector, before);
    const [keptBefore] = numbers(before), [keptAfter] = numbers(after);
    assert.ok(Math.abs(keptAfter - 3 * keptBefore) <= 2, `tripling the success rate should triple the members kept: ${before} → ${after}`);
  },
  "/fitness/groups": async (page) => {
    const selector = "#fitness-groups-summary";
    const before = await text(page, selector);
    const select = page.locator("select").first();
    await select.selectOption({label: "2"});
    const after = await waitForChange(page, selector, before);
    const groups = (after.match(/group (\d+)/g) ?? []).map((g) => Number(g.slice(6)));
    assert.ok(groups.length > 0 && groups.every((g) => g <= 2), `with k = 2 only groups 1 and 2 can be named: ${after}`);
  }
};
