/**
 * A case Summary's first screen: at 1400 × 900 px, before any scrolling, the reader sees the answer
 * (`.answer`) and at least one action (`ol.actions li`) that says how many and in which unit.
 */
import type {Browser} from "playwright-core";

export const FIRST_SCREEN = {width: 1400, height: 900};

/** A number followed by a unit a manager counts in: people, money, share, time (English and Russian). */
export const NUMBER_WITH_UNIT =
  /\d[\d\s.,\u00a0\u202f]*\s*(%|₽|\$|€|£|¥|(customers?|members?|clients?|buyers?|users?|people|orders?|visits?|months?|weeks?|days?|years?|currency units|RUB|USD|EUR|GBP|руб|клиент|участник|покупател|человек|заказ|мес|дн|недел)(?![a-z]))/i;

/** What keeps the page at siteUrl + path from answering on its first screen; empty when it does. */
export async function firstScreenProblems(browser: Browser, siteUrl: string, path: string): Promise<string[]> {
  const page = await browser.newPage({viewport: FIRST_SCREEN});
  try {
    await page.goto(siteUrl + path.replace(/^\//, ""), {waitUntil: "networkidle", timeout: 60_000});
    await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {timeout: 60_000});
    // (No named functions inside evaluate: tsx would wrap them in a helper the page does not have.)
    const found = await page.evaluate(() => ({
      answer: [...document.querySelectorAll<HTMLElement>("#observablehq-main .answer")].slice(0, 1).map((e) => ({text: e.innerText.trim(), rect: e.getBoundingClientRect().toJSON()}))[0] ?? null,
      actions: [...document.querySelectorAll<HTMLElement>("#observablehq-main ol.actions > li")].map((e) => ({text: e.innerText.trim(), rect: e.getBoundingClientRect().toJSON()}))
    }));
    const onScreen = ({rect}: {rect: DOMRect}) => rect.height > 0 && rect.bottom <= FIRST_SCREEN.height;
    const problems: string[] = [];
    if (!found.answer) problems.push(`${path}: no .answer`);
    else if (!found.answer.text) problems.push(`${path}: the .answer is empty`);
    else if (!onScreen(found.answer)) problems.push(`${path}: the .answer ends below the first ${FIRST_SCREEN.height} px`);
    if (found.actions.length === 0) problems.push(`${path}: no ol.actions li`);
    else if (!found.actions.some((a) => onScreen(a) && NUMBER_WITH_UNIT.test(a.text))) {
      problems.push(`${path}: no action within the first ${FIRST_SCREEN.height} px says a number with its unit (first: ${JSON.stringify(found.actions[0].text.slice(0, 120))})`);
    }
    return problems;
  } finally {
    await page.close();
  }
}

/** The text of the page's `.answer`, as a reader sees it (it is computed in the browser), or null. */
export async function answerText(browser: Browser, siteUrl: string, path: string): Promise<string | null> {
  const page = await browser.newPage({viewport: FIRST_SCREEN});
  try {
    await page.goto(siteUrl + path.replace(/^\//, ""), {waitUntil: "networkidle", timeout: 60_000});
    await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {timeout: 60_000});
    return await page.evaluate(() => document.querySelector<HTMLElement>("#observablehq-main .answer")?.innerText.trim() ?? null);
  } finally {
    await page.close();
  }
}
