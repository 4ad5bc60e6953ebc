/**
 * Work a build does once, not once per consumer: the chosen model's SHAP values for the test rows
 * are computed by compareModels and reused by One Click's model (they were computed twice, the
 * case loader's largest single cost after the grid search).
 */
import {test} from "node:test";
import assert from "node:assert/strict";
import {standardFamilies} from "../../loaders/analysis/families.ts";
import {fitOneClickModel} from "../../loaders/cases/one-click/model.ts";
import type {CustomerRow, FeatureDef} from "../../loaders/cases/one-click/features.ts";
import type {ModelFamily} from "../../loaders/analysis/model-comparison.ts";

const vocabulary: FeatureDef[] = [
  {id: "pagesPerVisit", label: "Pages per visit", short: "Pages", group: "site", kind: "numeric", unit: ""},
  {id: "promoShare", label: "Promo share", short: "Promo", group: "purchase", kind: "numeric", unit: ""}
];

/** 200 customers whose decline depends on pages per visit, with noise. */
function customers(): CustomerRow[] {
  return Array.from({length: 200}, (_, i) => {
    const pages = (i * 37) % 20;
    const promo = ((i * 53) % 100) / 100;
    const declined = (pages + 6 * promo + ((i * 7) % 5) < 12 ? 1 : 0) as 0 | 1;
    return {id: i, declined, profit: 1, values: {pagesPerVisit: pages, promoShare: promo} as CustomerRow["values"]};
  });
}

test("One Click's model explains the test rows with the model report's own SHAP values, computed once", () => {
  let calls = 0;
  const [tree] = standardFamilies({only: ["tree"], grids: {tree: {maxDepth: [3], minSamplesLeaf: [5]}}});
  const counted: ModelFamily = {...tree, shap: (model, X, train) => (calls++, tree.shap!(model, X, train))};
  const model = fitOneClickModel(customers(), {families: [counted], resamples: 50, vocabulary});
  assert.equal(calls, 1, "SHAP of the chosen model on the test rows computed once");
  assert.deepEqual(model.shap!.rows, model.split.test);
  assert.equal(model.shap!.values, model.testShap);
  assert.equal(model.shap!.scale, "probability");
  assert.ok(model.report.shap!.length === 2);
});
