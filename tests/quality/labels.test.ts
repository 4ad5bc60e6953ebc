import {test} from "node:test";
import assert from "node:assert/strict";
import {editDistance, closest} from "../../loaders/io/edit-distance.ts";
import {foldLookalikes, mixesScripts} from "../../loaders/quality/lookalike.ts";
import {frequentLabelFixes, maxEdits, resolveLabels} from "../../loaders/quality/labels.ts";

test("edit distance counts code points, not bytes", () => {
  assert.equal(editDistance("стандартт", "стандарт"), 1);
  assert.equal(editDistance("предыдцщий_месяц", "предыдущий_месяц"), 1);
  assert.equal(editDistance("kitten", "sitting"), 3);
  assert.equal(editDistance("", "abc"), 3);
  assert.deepEqual(closest("Life_time", ["Age", "Lifetime"]), {value: "Lifetime", distance: 1});
});

test("look-alike letters are folded into the word's main script", () => {
  const latinA = "cтaндapт"; // c, a, a, p are Latin
  assert.equal(mixesScripts(latinA), true);
  assert.equal(foldLookalikes(latinA), "стандарт");
  assert.equal(mixesScripts("Luminarc АМБИАНТЭ"), false, "separate words in two scripts are fine");
  assert.equal(foldLookalikes("Tepмокружка"), "Термокружка");
  assert.equal(foldLookalikes("Сlean"), "Clean", "a Cyrillic С in a Latin word");
});

test("labels resolve to allowed ones: misspellings, look-alikes, case; the rest is unknown", () => {
  const found = [
    {value: "стандарт", rows: 900, line: 2},
    {value: "премиум", rows: 370, line: 3},
    {value: "стандартт", rows: 10, line: 7},
    {value: "cтaндapт", rows: 2, line: 9},
    {value: " Премиум ", rows: 1, line: 11},
    {value: "vip", rows: 1, line: 12}
  ];
  const r = resolveLabels(found, ["премиум", "стандарт"]);
  assert.deepEqual(r.mapping, {"стандарт": "стандарт", "премиум": "премиум", "стандартт": "стандарт", "cтaндapт": "стандарт", " Премиум ": "премиум"});
  assert.deepEqual(r.fixes.map((f) => [f.from, f.reason, f.rows]), [["стандартт", "misspelling", 10], ["cтaндapт", "lookalike", 2], [" Премиум ", "spacing-or-case", 1]]);
  assert.deepEqual(r.unknown.map((u) => u.value), ["vip"]);
});

test("short labels get no misspelling repair; ties are not guessed", () => {
  assert.equal(maxEdits("да"), 0);
  assert.deepEqual(resolveLabels([{value: "дн", rows: 1, line: 2}], ["да", "нет"]).unknown.length, 1);
  assert.deepEqual(resolveLabels([{value: "cat1x", rows: 1, line: 2}], ["cat1a", "cat1b"]).unknown.length, 1);
});

test("without a schema, rare labels close to a much more frequent one are proposed", () => {
  const fixes = frequentLabelFixes([
    {value: "Товары для детей", rows: 330, line: 2},
    {value: "Товары для детеи", rows: 3, line: 40},
    {value: "Кухонная посуда", rows: 138, line: 5}
  ]);
  assert.deepEqual(fixes.map((f) => [f.from, f.to, f.distance]), [["Товары для детеи", "Товары для детей", 1]]);
});
