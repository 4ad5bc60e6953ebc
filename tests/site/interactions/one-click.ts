/**
 * One Click page interactions for the browser test: the model page's threshold slider updates the
 * confusion summary (a higher threshold flags fewer customers, catches no more decliners); the
 * segments page's probability slider moves customers out of the high-risk segments (count and
 * profit at risk fall); the offers page's response-rate slider raises the profit the paid offers keep
 * (tripling it triples what a paying segment keeps, and may make another segment pay too), and no segment
 * is offered and then called "not worth it" (the old page did that to the high-risk, lower-profit segment).
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

/** Sets the range input of the nth Inputs.range on the page. */
async function slide(page: Page, index: number, value: number): Promise<void> {
  await page.locator("input[type=range]").nth(index).evaluate((input: HTMLInputElement, v: number) => {
    input.value = String(v);
    input.dispatchEvent(new Event("input", {bubbles: true}));
  }, value);
}

const numbers = (s: string) => (s.match(/-?\d[\d,]*(\.\d+)?/g) ?? []).map((n) => Number(n.replace(/,/g, "")));

export const interactions: Record<string, (page: Page) => Promise<void>> = {
  "/one-click/model": async (page) => {
    const selector = "#one-click-threshold-summary";
    const before = await text(page, selector);
    const [flaggedBefore, , , caughtBefore] = numbers(before);
    await slide(page, 0, 0.85);
    const after = await waitForChange(page, selector, before);
    const [flaggedAfter, , , caughtAfter] = numbers(after);
    assert.ok(flaggedAfter < flaggedBefore, `raising the threshold should flag fewer customers: ${before} → ${after}`);
    assert.ok(caughtAfter <= caughtBefore, `raising the threshold cannot catch more decliners: ${before} → ${after}`);
  },
  "/one-click/segments": async (page) => {
    const count = "#one-click-high-risk-count", atRisk = "#one-click-profit-at-risk";
    const before = Number((await text(page, count)).replace(/,/g, ""));
    const riskBefore = Number((await text(page, atRisk)).replace(/,/g, ""));
    await slide(page, 0, 0.8);
    const after = Number((await waitForChange(page, count, String(before))).replace(/,/g, ""));
    const riskAfter = Number((await text(page, atRisk)).replace(/,/g, ""));
    assert.ok(after < before, `a higher probability threshold leaves fewer high-risk customers: ${before} → ${after}`);
    assert.ok(riskAfter < riskBefore, `and less profit at risk: ${riskBefore} → ${riskAfter}`);
  },
  "/one-click/offers": async (page) => {
    // A segment is either given a paid offer that pays or no paid offer at all: never offered and then called "not worth it".
    assert.doesNotMatch(await text(page, "#observablehq-main"), /not worth it/i);
    const selector = "#one-click-offers-kept";
    const beforeText = await text(page, selector);
    const before = Number(beforeText.replace(/,/g, ""));
    await slide(page, 1, 0.6);
    const after = Number((await waitForChange(page, selector, beforeText)).replace(/,/g, ""));
    assert.ok(before > 0 && after >= before * 3 * (1 - 1e-4), `tripling the response rate at least triples the profit the paid offers keep: ${before} → ${after}`);
  }
};
