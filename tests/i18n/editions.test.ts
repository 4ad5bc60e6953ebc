/** One source per page (scripts/editions.ts): each edition gets the shared lines and its own blocks. */
import {test} from "node:test";
import assert from "node:assert/strict";
import {pageText} from "../../scripts/editions.ts";
import {otherEditionHref} from "../../scripts/language-switch.ts";

const source = ["---", "::: en", "title: Summary", "::: ru", "title: Сводка", ":::", "---", "", "```js", "const x = 1;", "```", "::: en", "Hello ${x}.", ":::", "::: ru", "Привет, ${x}.", ":::", "end"].join("\n");

test("each edition keeps the shared lines and its own blocks, in order", () => {
  assert.equal(pageText(source, "en"), ["---", "title: Summary", "---", "", "```js", "const x = 1;", "```", "Hello ${x}.", "end"].join("\n"));
  assert.equal(pageText(source, "ru"), ["---", "title: Сводка", "---", "", "```js", "const x = 1;", "```", "Привет, ${x}.", "end"].join("\n"));
});

test("a malformed source names the file and line", () => {
  assert.throws(() => pageText("a\n::: en\nb", "en", "pages/x.md"), /pages\/x\.md:2: the language block opened here is not closed/);
  assert.throws(() => pageText("a\n:::\n", "en", "pages/x.md"), /pages\/x\.md:2: ":::" closes no language block/);
  assert.throws(() => pageText("::: de\nx\n:::", "en", "pages/x.md"), /pages\/x\.md:1: unknown language "de"/);
});

test("the language switch links the same page in the other edition, relatively", () => {
  assert.equal(otherEditionHref("/fitness/model", "en", "ru", "en"), "../ru/fitness/model");
  assert.equal(otherEditionHref("/fitness/model", "ru", "en", "en"), "../../fitness/model");
  assert.equal(otherEditionHref("/index", "en", "ru", "en"), "./ru/");
  assert.equal(otherEditionHref("/index", "ru", "en", "en"), "../");
  assert.equal(otherEditionHref("/fitness/index", "ru", "en", "en"), "../../fitness/");
  assert.equal(otherEditionHref("/fitness/model", "en", "ru", "ru"), "../../fitness/model", "English under en/ when Russian is the default");
});
