/**
 * The first-screen check (first-screen.ts) on small fixture pages: it passes a page that answers on
 * its first screen and reports one whose answer is buried or whose actions say no size.
 * site.test.ts runs the same check on every case Summary of the demo and real builds.
 */
import {after, before, describe, test} from "node:test";
import assert from "node:assert/strict";
import type {Browser} from "playwright-core";
import {launchBrowser} from "./browser.ts";
import {firstScreenProblems, NUMBER_WITH_UNIT} from "./first-screen.ts";
import {serveSite, type Served} from "./serve.ts";

test("a number with its unit is told from a bare number", () => {
  for (const text of ["1,227 members", "30 000 ₽", "26.5 %", "120 customers a month", "4 000 клиентов", "12 500 RUB"]) assert.match(text, NUMBER_WITH_UNIT);
  for (const text of ["Call the members whose visits dropped in 2024", "Offer longer contracts", "segment 3"]) assert.doesNotMatch(text, NUMBER_WITH_UNIT);
});

describe("the first-screen check in headless Chromium", () => {
  let browser: Browser;
  let served: Served;
  before(async () => {
    browser = await launchBrowser();
    served = await serveSite("tests/fixtures/first-screen");
  });
  after(async () => {
    await browser?.close();
    await served?.close();
  });

  test("passes a page with its answer and a sized action on the first screen", async () => {
    assert.deepEqual(await firstScreenProblems(browser, served.url, "/answers.html"), []);
  });

  test("reports an answer below the first 900 px", async () => {
    const problems = await firstScreenProblems(browser, served.url, "/buried.html");
    assert.ok(problems.some((p) => p.includes(".answer ends below")), problems.join("; "));
  });

  test("reports actions without a number and a unit", async () => {
    assert.deepEqual(await firstScreenProblems(browser, served.url, "/unsized.html"), [
      "/unsized.html: no action within the first 900 px says a number with its unit (first: \"Offer longer contracts.\")"
    ]);
  });
});
