/**
 * One Click's words in Russian (loaders/cases/one-click/words.ts) and their use on a Russian page
 * (src/components/localize.ts): every word of the case a page shows has a Russian form with no
 * Latin letters; category values go back to the export's own names; a label the analyst's
 * mapping gives stays as given; and swapping keeps equal labels equal, so the pages' matching
 * still works. Run: npx tsx scripts/test.ts one-click-words
 */
import {describe, test} from "node:test";
import assert from "node:assert/strict";
import {russianWords, withRussianLabels} from "../../loaders/cases/one-click/words.ts";
import {features, groups, labelledFeatures, target} from "../../loaders/cases/one-click/features.ts";
import {segmentDefs} from "../../loaders/cases/one-click/segments.ts";
import {designMatrix} from "../../loaders/cases/one-click/model.ts";
import {localize} from "../../src/components/localize.ts";

describe("One Click's Russian words", () => {
  const words = russianWords();

  test("every feature, group, segment and target class has a Russian word without Latin letters", () => {
    const english = [...features.flatMap((f) => [f.label, f.short]), ...groups.flatMap((g) => [g.label, g.description]),
      ...segmentDefs.flatMap((s) => [s.name, s.description]), target.label, target.positive, target.negative];
    for (const en of english) {
      assert.ok(words[en], `no Russian word for "${en}"`);
      assert.doesNotMatch(words[en], /[A-Za-z]{2,}/, `${en} → ${words[en]}`);
    }
    assert.equal(words[target.positive], "снизилась");
    assert.equal(words["High risk, high profit"], "Высокий риск, высокая прибыль");
  });

  test("one-hot columns name the export's own category and the Russian feature", () => {
    const row = (category: string) => ({id: 1, declined: 0 as const, profit: 1, values: {...Object.fromEntries(features.map((f) => [f.id, f.kind === "numeric" ? 1 : "yes"])), serviceType: "premium", favouriteCategory: category} as never});
    const {columns} = designMatrix([row("Kids' goods"), row("Kitchenware")]);
    const w = russianWords(features, columns);
    assert.equal(w["Favourite category: Kids' goods"], "Любимая категория: Товары для детей");
    assert.equal(w["Service tier: premium"], "Тип сервиса: премиум");
  });

  test("a label the analyst's mapping gives stays the analyst's word", () => {
    const w = russianWords(labelledFeatures({pagesPerVisit: "Глубина просмотра"}));
    assert.equal(w["Глубина просмотра"], undefined);
    assert.equal(w["Pages per visit"], undefined);
    assert.equal(w["Days since registration"], "Дней с регистрации");
  });

  test("localize swaps the words on a Russian page only, and equal words stay equal", () => {
    const artifact = {ru: words, target: {positive: "declined"}, trends: [{activity: "declined", period: "last month", mean: 2}], note: {en: "declined", ru: "снизилась"}};
    const ru = localize(artifact, "ru");
    assert.equal(ru.target.positive, "снизилась");
    assert.equal(ru.trends[0].activity, ru.target.positive);
    assert.equal(ru.trends[0].period, "прошлый месяц");
    assert.equal(ru.trends[0].mean, 2);
    assert.deepEqual(localize(artifact, "en"), artifact);
    // A model's hyperparameters are code values: "standard" stays a scaler's name.
    assert.deepEqual(localize({ru: words, params: {scaler: "standard"}, levels: ["standard"]}, "ru"), {ru: words, params: {scaler: "standard"}, levels: ["стандарт"]});
  });

  test("another layer's Russian sentence gets the Russian labels, the one-hot column's before its feature's", () => {
    const labels = ["Favourite category", "Favourite category: Kitchenware"];
    const w = {...words, "Favourite category: Kitchenware": "Любимая категория: Кухонная посуда"};
    assert.equal(withRussianLabels("без штрафа; Favourite category: Kitchenware — опорный уровень", w, labels),
      "без штрафа; Любимая категория: Кухонная посуда — опорный уровень");
  });
});
