import {test} from "node:test";
import assert from "node:assert/strict";
import {fitKnn, kNearestNeighbours} from "../../loaders/models/knn.ts";
import {golden, maxAbsDiff} from "./golden.ts";

const {X, y, query, fits} = golden.knn;

for (const ref of fits) {
  test(`kNN k=${ref.k} ${ref.weights}: probabilities equal scikit-learn's (continuous data, no distance ties)`, () => {
    const m = fitKnn(X, y, {k: ref.k, weights: ref.weights});
    const p = m.predictProba(query);
    if (ref.weights === "uniform") assert.deepEqual(p, ref.proba);
    else assert.ok(maxAbsDiff(p, ref.proba) < 1e-12, `${maxAbsDiff(p, ref.proba)}`);
  });
}

test("kNN: neighbours are the nearest rows in order; zero distance takes all the weight", () => {
  const m = fitKnn([[0, 0], [1, 0], [0, 2], [5, 5]], [0, 1, 1, 0], {k: 3, weights: "distance"});
  assert.deepEqual(m.kneighbors([[0.1, 0]])[0].indices, [0, 1, 2]);
  assert.ok(Math.abs(m.kneighbors([[0, 0]])[0].distances[2] - 2) < 1e-15);
  assert.equal(m.predictProba([[1, 0]])[0], 1); // exactly on row 1 (class 1)
  assert.equal(m.predictProba([[0, 0]])[0], 0); // exactly on row 0 (class 0)
  const u = kNearestNeighbours({k: 4}).fit([[0], [1], [2], [3]], [0, 1, 1, 1]);
  assert.deepEqual(u.predictProba([[10]]), [0.75]);
  assert.throws(() => fitKnn([[0]], [1], {k: 2}), /k must be/);
});
