/**
 * The overview's aggregates (loaders/analysis/dashboard.ts and loaders/cases/fitness/dashboard.ts):
 * - the fitness cube's counts equal pandas' recount of the member file (tests/golden/dashboard.py →
 *   dashboard.json): members and churned per contract length, per partner flag (passed as the
 *   member group) and per both, on the demo data and on the real export;
 * - the suppression rule: every cell of 1 to 9 customers is hidden, a cell of 10 is shown, empty
 *   cells are shown, no sum of the cube (a roll-up and its cells along one dimension) has exactly
 *   one hidden member, and every shown cell equals a direct count of the rows — on a hand-made cube
 *   and on seeded random ones;
 * - a dimension keeps as its own levels only values of at least 10 rows, and its "other" level holds at
 *   least 10 rows too.
 */
import {describe, test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {ALL, dashboardCube, largestValues, type Cube, type DimensionSpec} from "../../loaders/analysis/dashboard.ts";
import {fitnessDashboard} from "../../loaders/cases/fitness/dashboard.ts";
import {loadFitness} from "../../loaders/clean/fitness.ts";
import {caseInput} from "../../loaders/inputs/resolve.ts";
import {randomSource} from "../../loaders/random.ts";
import {datasets, realDataSkip} from "../real-data.ts";

const golden = JSON.parse(readFileSync(new URL("../golden/dashboard.json", import.meta.url), "utf8"));

interface GoldenCell {
  at: string[];
  n: number;
  churned: number;
}

const cell = (cube: Cube, at: string[]) => cube.cells.find((c) => c.at.join() === at.join())!;

async function checkFitness(dataDir: string, expected: {members: number; churned: number; cells: GoldenCell[]}) {
  const {members, columns} = await loadFitness(caseInput(dataDir, "fitness"));
  // The partner flag stands in for the member group, so that both dimensions can be recounted from the file.
  const d = fitnessDashboard({members, probability: members.map((m) => m.churn), group: members.map((m) => Number(m.partner)), groupNames: ["not partner", "partner"], columns});
  assert.deepEqual(d.cube.dimensions.map((x) => x.id), ["contract", "group"]);
  const [churned, highRisk] = ["churned", "highRisk"].map((m) => d.cube.measures.indexOf(m));
  const all = cell(d.cube, [ALL, ALL]);
  assert.equal(all.n, expected.members);
  assert.equal(all.sums![churned], expected.churned);
  assert.equal(all.sums![highRisk], expected.churned, "probability 1 for the churned members: all of them and no one else at high risk");
  for (const g of expected.cells) {
    const c = cell(d.cube, g.at);
    assert.ok(c, `a cell at ${g.at}`);
    if (g.n < 10) assert.equal(c.hidden, "small", `cell ${g.at} of ${g.n} members is hidden`);
    else if (c.hidden === null) assert.deepEqual([c.n, c.sums![churned]], [g.n, g.churned], `cell ${g.at}`);
  }
  // The churn share a tile shows for 1-month contracts: a filter on contract length.
  const month = expected.cells.find((g) => g.at.join() === ["1", ALL].join())!;
  const shown = cell(d.cube, ["1", ALL]);
  assert.equal(shown.sums![churned] / shown.n!, month.churned / month.n);
}

describe("the fitness dashboard counts what pandas counts in the member file", () => {
  test("demo data", async () => {
    await checkFitness("data", golden.demo);
  });
  test("real export", {skip: realDataSkip("fitness/gym_churn_us.csv")}, async () => {
    await checkFitness(datasets, golden.real);
  });
});

interface Row {
  a: string;
  b: string;
  c: string;
  x: number;
}

const dims = (levels: {a: string[]; b: string[]; c?: string[]}): DimensionSpec<Row>[] =>
  (["a", "b", "c"] as const).filter((k) => levels[k]).map((k) => ({id: k, label: k.toUpperCase(), levels: levels[k]!.map((value) => ({value, label: value})), of: (r: Row) => r[k]}));

/** Every sum of the cube: a roll-up along one dimension and the cells it adds up. */
function sums(cube: Cube) {
  const key = (at: string[]) => at.join("|");
  const byKey = new Map(cube.cells.map((c) => [key(c.at), c]));
  return cube.cells.flatMap((total) => total.at.flatMap((v, j) => {
    if (v !== ALL) return [];
    const parts = cube.dimensions[j].levels.map((l) => byKey.get(key(total.at.map((w, i) => (i === j ? l.value : w))))!);
    return [[total, ...parts]];
  }));
}

/** The rule's promises, checked against a direct count of the rows. */
function checkRule(cube: Cube, rows: readonly Row[]) {
  for (const c of cube.cells) {
    const inCell = rows.filter((r) => cube.dimensions.every((d, j) => c.at[j] === ALL || r[d.id as "a" | "b" | "c"] === c.at[j]));
    if (inCell.length > 0 && inCell.length < cube.minCell) assert.equal(c.hidden, "small", `cell ${c.at} of ${inCell.length} rows`);
    if (c.hidden === null) {
      assert.equal(c.n, inCell.length, `cell ${c.at}`);
      assert.equal(c.sums![0], Number(inCell.reduce((s, r) => s + r.x, 0).toFixed(6)));
    } else {
      assert.equal(c.n, null);
      assert.equal(c.sums, null);
    }
  }
  for (const members of sums(cube)) {
    assert.notEqual(members.filter((m) => m.hidden !== null).length, 1, `the sum ${members.map((m) => m.at.join("/")).join(" = ")} would reveal its one hidden cell`);
  }
}

const rowsOf = (counts: Record<string, number>): Row[] =>
  Object.entries(counts).flatMap(([key, n]) => Array.from({length: n}, (_, i) => {
    const [a, b, c = "-"] = key.split("/");
    return {a, b, c, x: i + 0.5};
  }));

describe("suppression of small cells", () => {
  test("a cell of 9 is hidden with the smallest cells beside it, so no sum reveals it; an empty cell is shown", () => {
    const rows = rowsOf({"p/u": 9, "p/v": 30, "p/w": 50, "q/u": 10, "q/v": 40, "q/w": 0, "r/u": 25, "r/v": 12, "r/w": 60});
    const cube = dashboardCube(rows, dims({a: ["p", "q", "r"], b: ["u", "v", "w"]}), {x: (r) => r.x});
    assert.equal(cell(cube, ["p", "u"]).hidden, "small");
    assert.equal(cell(cube, ["q", "u"]).hidden, "complement", "10 members are not a small cell: hidden only as a complement");
    // p/u hidden; its row and its column each need a second hidden cell: p/v (30, smaller than p/w) and q/u (10,
    // smaller than r/u); then column v and row q each have one hidden cell alone: q/v closes the rectangle
    // (the empty q/w, the smaller in row q, is passed over: it hides no one).
    assert.deepEqual(cube.cells.filter((c) => c.hidden).map((c) => c.at.join("/")).sort(), ["p/u", "p/v", "q/u", "q/v"]);
    assert.equal(cell(cube, ["q", "w"]).n, 0);
    assert.deepEqual(cube.hidden, {small: 1, complement: 3});
    checkRule(cube, rows);
  });

  test("a cube with no small cell hides nothing and its roll-ups are exact", () => {
    const rows = rowsOf({"p/u": 10, "p/v": 11, "q/u": 12, "q/v": 13});
    const cube = dashboardCube(rows, dims({a: ["p", "q"], b: ["u", "v"]}), {x: (r) => r.x});
    assert.deepEqual(cube.hidden, {small: 0, complement: 0});
    assert.deepEqual(cube.cells.map((c) => c.n), [46, 22, 24, 21, 10, 11, 25, 12, 13]);
    checkRule(cube, rows);
  });

  test("seeded random cubes of three dimensions keep the rule's promises", () => {
    const random = randomSource(16);
    for (let k = 0; k < 20; k++) {
      const levels = {a: ["a1", "a2", "a3"], b: ["b1", "b2", "b3", "b4"], c: ["c1", "c2"]};
      const counts: Record<string, number> = {};
      for (const a of levels.a) for (const b of levels.b) for (const c of levels.c) counts[`${a}/${b}/${c}`] = Math.floor(random() * (random() < 0.3 ? 10 : 40));
      const rows = rowsOf(counts);
      checkRule(dashboardCube(rows, dims(levels), {x: (r) => r.x}), rows);
    }
  });

  test("a row outside a dimension's levels is an error, not a silently missing customer", () => {
    assert.throws(() => dashboardCube(rowsOf({"p/z": 1}), dims({a: ["p"], b: ["u"]}), {}), /value "z" is not one of its levels/);
  });
});

describe("levels of a dimension with many values", () => {
  const values = (counts: Record<string, number>) => Object.entries(counts).flatMap(([v, n]) => Array<string>(n).fill(v));
  test("at most `max` values of at least 10 rows each, largest first", () => {
    assert.deepEqual(largestValues(values({a: 50, b: 9, c: 30, d: 12, e: 40}), {max: 3}), ["a", "e", "c"]);
  });
  test("the smallest kept value joins the others until they hold 10 rows", () => {
    // Left over: b (9) alone would be a small "other" level; d (12) joins it.
    assert.deepEqual(largestValues(values({a: 50, b: 9, c: 30, d: 12}), {max: 4}), ["a", "c"]);
    assert.deepEqual(largestValues(values({a: 50, b: 10, c: 30}), {max: 4}), ["a", "c", "b"]);
  });
});
