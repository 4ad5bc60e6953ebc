/** Average ranks by their definition — rank = (values below) + (values equal + 1) / 2, 1-based — on values with
 * many ties, -0 beside 0, and sizes from 0 to a few thousand: the fast ranking (a numeric sort and a binary search
 * per value) must give exactly these ranks and tie groups. */
import {test} from "node:test";
import assert from "node:assert/strict";
import {orderByValue, rankAverage, rankSums} from "../../loaders/stats/ranks.ts";
import {randomSource, type Random} from "../../loaders/random.ts";

function byDefinition(values: readonly number[]): {ranks: number[]; ties: number[]} {
  const ranks = values.map((v) => values.filter((w) => w < v).length + (values.filter((w) => w === v).length + 1) / 2);
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v === 0 ? 0 : v, (counts.get(v === 0 ? 0 : v) ?? 0) + 1);
  const ties = [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n).filter((n) => n > 1);
  return {ranks, ties};
}

/** Values with many ties, -0 beside 0, negatives and fractions. */
function tiedValues(n: number, random: Random): number[] {
  return Array.from({length: n}, () => {
    const u = random();
    return u < 0.3 ? Math.round(random() * 12) : u < 0.4 ? -0 : u < 0.5 ? -Math.round(random() * 5) : random() * 100;
  });
}

test("average ranks and tie groups equal their definition, ties and -0 included", () => {
  const random = randomSource(11);
  for (const n of [0, 1, 2, 3, 10, 257, 3000]) {
    const values = tiedValues(n, random);
    const fast = rankAverage(values);
    const slow = byDefinition(values);
    assert.deepEqual([...fast.ranks], slow.ranks, `ranks, n = ${n}`);
    assert.deepEqual(fast.ties, slow.ties, `ties, n = ${n}`);
  }
});

test("the order by value is a stable sort's: ascending, equal values (-0 beside 0) by index", () => {
  const random = randomSource(12);
  for (const n of [0, 1, 2, 3, 10, 257, 3000]) {
    const values = tiedValues(n, random);
    const stable = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
    assert.deepEqual([...orderByValue(values)], stable, `n = ${n}`);
  }
});

test("rank sums per group equal the sums of the pooled average ranks, with the same tie groups", () => {
  const random = randomSource(13);
  for (const sizes of [[1, 1], [0, 5], [3, 0, 4], [10, 257, 3], [1500, 1200], [400, 300, 200, 100]]) {
    const groups = sizes.map((n) => tiedValues(n, random));
    const pooled = rankAverage(groups.flat());
    let offset = 0;
    const expected = groups.map((g) => {
      let sum = 0;
      for (let i = 0; i < g.length; i++) sum += pooled.ranks[offset + i];
      offset += g.length;
      return sum;
    });
    const fast = rankSums(groups);
    assert.deepEqual(fast.sums, expected, `sums, sizes ${sizes}`);
    assert.deepEqual(fast.ties, pooled.ties, `ties, sizes ${sizes}`);
  }
});
