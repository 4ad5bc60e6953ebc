/**
 * Choosing k from a Ward tree (loaders/cluster/treeK.ts): the band of merge heights per k, the
 * largest relative rise among k whose groups are sizeable, and the fallback when none is.
 */
import {test} from "node:test";
import assert from "node:assert/strict";
import {chooseKFromTree, cutTree, wardLinkage, type Linkage} from "../../loaders/cluster/index.ts";
import {randomSource} from "../../loaders/random.ts";

// Six points merged at heights 1, 2, 3, 8, 10 (rows: child, child, height, size).
const Z: Linkage = [[0, 1, 1, 2], [2, 3, 2, 2], [4, 5, 3, 2], [6, 7, 8, 4], [8, 9, 10, 6]];

test("bands per k: the merge that leaves k groups and the next one", () => {
  const {bands} = chooseKFromTree(Z, {kMin: 2, kMax: 5, smallestShare: () => 1});
  assert.deepEqual(bands.map((b) => [b.k, b.lo, b.hi]), [[2, 8, 10], [3, 3, 8], [4, 2, 3], [5, 1, 2]]);
  assert.deepEqual(bands.map((b) => +b.rise.toFixed(6)), [0.25, 1.666667, 0.5, 1]);
});

test("the largest relative rise wins; a k with a too-small group is passed over", () => {
  assert.equal(chooseKFromTree(Z, {kMin: 2, kMax: 5, smallestShare: () => 0.2}).k, 3);
  const choice = chooseKFromTree(Z, {kMin: 2, kMax: 5, minShare: 0.1, smallestShare: (k) => (k === 3 ? 0.05 : 0.2), unit: "members"});
  assert.equal(choice.k, 5);
  assert.match(choice.reason.en, /^5 groups: going from 5 to 4 groups raises the Ward merge height by 100% \(from 1\.0 to 2\.0\), the largest jump among k = 2–5 whose groups each hold at least 10% of members \(next: k = 4, 50%\)\./);
  const none = chooseKFromTree(Z, {kMin: 2, kMax: 5, smallestShare: () => 0});
  assert.equal(none.k, 3);
  assert.match(none.reason.en, /no k keeps every group at 5% of rows or more/);
});

test("on three separated blobs of different sizes the rule finds the three", () => {
  const random = randomSource(7);
  const blobs = [[0, 0, 90], [6, 0, 60], [0, 6, 30]];
  const X = blobs.flatMap(([a, b, n]) => Array.from({length: n}, () => [a + random.normal(), b + random.normal()]));
  const L = wardLinkage(X);
  const smallest = (k: number) => {
    const sizes = new Map<number, number>();
    for (const l of cutTree(L, k)) sizes.set(l, (sizes.get(l) ?? 0) + 1);
    return Math.min(...sizes.values()) / X.length;
  };
  const choice = chooseKFromTree(L, {kMin: 2, kMax: 8, smallestShare: smallest});
  assert.equal(choice.k, 3);
  assert.ok(choice.bands.every((b) => b.k === 3 || b.rise < choice.bands[1].rise));
});
