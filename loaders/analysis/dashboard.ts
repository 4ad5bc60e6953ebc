/**
 * The overview dashboard's aggregates: a cube of customer counts and sums over a few dimensions
 * (contract length, segment, category, period…), with every roll-up, so that whatever filters the
 * overview sets, its tiles and charts read exact figures from one cell each — no customer row
 * leaves the build, and the browser only looks cells up.
 *
 * Suppression, so that no filter singles anyone out:
 *   1. a cell of 1 to MIN_CELL − 1 customers is hidden ("small");
 *   2. a roll-up is the sum of its cells along any one dimension, so where exactly one cell of such
 *      a sum is hidden it could be worked out by subtraction: the smallest other cell of that sum is
 *      hidden too ("complement"), repeated until no sum has exactly one hidden cell.
 * A hidden cell keeps its position (the page says "fewer than 10 customers, hidden") but carries no
 * figure. Empty cells (0 customers) are shown: they describe no one.
 */
import type {Noun, Text} from "../../src/components/i18n.ts";

/** The level of a dimension that stands for every level (no filter on it). */
export const ALL = "*";
/** Fewest customers a shown cell may hold. */
export const MIN_CELL = 10;

export interface Level {
  value: string;
  /** The level as readers see it (an export's own value: one string for both languages). */
  label: string | Text;
}

export interface DimensionSpec<R> {
  id: string;
  /** What a reader filters by, e.g. "Contract length". */
  label: string | Text;
  /** The levels in display order; every row's value must be one of them. */
  levels: Level[];
  of: (row: R) => string;
}

export interface CubeDimension {
  id: string;
  label: string | Text;
  levels: Level[];
}

export interface CubeCell {
  /** One value per dimension (cube order), ALL for a roll-up. */
  at: string[];
  /** Customers in the cell; null when hidden. */
  n: number | null;
  /** One sum per measure (cube order); null when hidden. */
  sums: number[] | null;
  hidden: "small" | "complement" | null;
}

export interface Cube {
  /** The level standing for every level (ALL). */
  all: string;
  dimensions: CubeDimension[];
  measures: string[];
  minCell: number;
  cells: CubeCell[];
  /** Cells hidden by each step of the rule. */
  hidden: {small: number; complement: number};
}

const keyOf = (at: readonly string[]) => at.join("\u0001");

/** Every combination of each dimension's levels and ALL. */
function combinations(dimensions: readonly CubeDimension[]): string[][] {
  return dimensions.reduce<string[][]>((acc, d) => acc.flatMap((at) => [ALL, ...d.levels.map((l) => l.value)].map((v) => [...at, v])), [[]]);
}

/**
 * The cube of `rows` over `dimensions`, summing each of `measures` (name → value per row), with
 * cells of fewer than `minCell` customers and their complements hidden.
 */
export function dashboardCube<R>(rows: readonly R[], dimensions: readonly DimensionSpec<R>[], measures: Record<string, (row: R) => number>, {minCell = MIN_CELL} = {}): Cube {
  const dims: CubeDimension[] = dimensions.map(({id, label, levels}) => ({id, label, levels}));
  const names = Object.keys(measures);
  const cells = new Map(combinations(dims).map((at) => [keyOf(at), {at, n: 0, sums: names.map(() => 0)}]));
  // Cells numbered by each dimension's level (its place among the levels; ALL after them): a row adds to a cell found
  // by arithmetic, not by a key text (millions of rows).
  const codes = dims.map((d) => new Map(d.levels.map((l, i) => [l.value, i])));
  const strides = dims.map((_, j) => dims.slice(j + 1).reduce((s, d) => s * (d.levels.length + 1), 1));
  const numbered = new Array<{n: number; sums: number[]}>(dims.reduce((s, d) => s * (d.levels.length + 1), 1));
  for (const cell of cells.values()) numbered[cell.at.reduce((s, v, j) => s + strides[j] * (v === ALL ? dims[j].levels.length : codes[j].get(v)!), 0)] = cell;
  // Each roll-up: which dimensions it keeps (the others are ALL).
  const masks = Array.from({length: 2 ** dims.length}, (_, m) => dims.map((_, j) => ((m >> j) & 1) === 1));
  const code = new Array<number>(dims.length);
  for (const row of rows) {
    dimensions.forEach((d, j) => {
      const v = d.of(row);
      const c = codes[j].get(v);
      if (c === undefined) throw new Error(`dashboard dimension ${d.id}: value ${JSON.stringify(v)} is not one of its levels`);
      code[j] = c;
    });
    const added = names.map((m) => measures[m](row));
    for (const keep of masks) {
      let at = 0;
      for (let j = 0; j < dims.length; j++) at += strides[j] * (keep[j] ? code[j] : dims[j].levels.length);
      const cell = numbered[at];
      cell.n += 1;
      for (let k = 0; k < added.length; k++) cell.sums[k] += added[k];
    }
  }
  const hidden = suppress([...cells.values()], dims, minCell);
  const out = [...cells.values()].map(({at, n, sums}): CubeCell => {
    const why = hidden.get(keyOf(at)) ?? null;
    // Sums rounded to 6 decimals: the same figures whatever order the rows were added in.
    return why ? {at, n: null, sums: null, hidden: why} : {at, n, sums: sums.map((x) => Number(x.toFixed(6))), hidden: null};
  });
  const count = (why: string) => [...hidden.values()].filter((h) => h === why).length;
  return {all: ALL, dimensions: dims, measures: names, minCell, cells: out, hidden: {small: count("small"), complement: count("complement")}};
}

/** Which cells to hide, and why (the rule in the module's comment). */
export function suppress(cells: readonly {at: string[]; n: number}[], dimensions: readonly CubeDimension[], minCell: number): Map<string, "small" | "complement"> {
  const byKey = new Map(cells.map((c) => [keyOf(c.at), c]));
  const hidden = new Map<string, "small" | "complement">();
  for (const c of cells) if (c.n > 0 && c.n < minCell) hidden.set(keyOf(c.at), "small");
  // Each sum: a roll-up along one dimension and the cells it adds up.
  const sums = cells.flatMap((c) => c.at.flatMap((v, j) => (v === ALL ? [{total: c, parts: dimensions[j].levels.map((l) => byKey.get(keyOf(c.at.map((w, i) => (i === j ? l.value : w))))!)}] : [])));
  for (let changed = true; changed; ) {
    changed = false;
    for (const {total, parts} of sums) {
      const members = [total, ...parts];
      if (members.filter((m) => hidden.has(keyOf(m.at))).length !== 1) continue;
      // Hide the smallest shown part, preferring one that holds customers; the total only when no part is left.
      const shown = parts.filter((p) => !hidden.has(keyOf(p.at))).sort((a, b) => Number(a.n === 0) - Number(b.n === 0) || a.n - b.n);
      hidden.set(keyOf((shown[0] ?? total).at), "complement");
      changed = true;
    }
  }
  return hidden;
}

/** A tile of the overview: a cell's customer count (measure null), a measure's sum, or its share of the cell's customers. */
export interface Kpi {
  label: Text;
  measure: string | null;
  /** "count": the sum as it is; "share": the sum over the cell's customers; "money": the sum in `unit`. */
  show: "count" | "share" | "money";
  /** What the figure counts (a noun: members, orders) or the money's unit ({en: "currency units", ru: "ден. ед."}). */
  unit: Noun | Text;
  /** One line under the figure: what it is, in the case's words. */
  note: Text;
}

/** dashboard.json: one case's tiles, filters and cross-case figures, from its cube (the overview's chart breaks
 * the at-risk share down by the cube's first dimension). */
export interface Dashboard {
  /** The case's title and question (its registry entry). */
  title: Text;
  question: Text;
  /** What one row of the cube is (glossary noun): members, customers. */
  unit: Noun;
  /** The data's period (ISO dates) or null when the exports carry no dates; `periodNote` says it in words. */
  period: {start: string; end: string} | null;
  periodNote: Text;
  kpis: Kpi[];
  /** The measure counting customers at risk, for the first filter's chart and the cross-case comparison: its label, the
   * rule in a few words and the case's definition in full. */
  atRisk: {measure: string; label: Text; rule: Text; definition: Text;
    /** Why the rule fixes the share at risk of all customers (then it is no finding and is not compared across cases), or null. */
    fixedShare: Text | null;};
  /** Money at risk (its measure, unit and meaning), or null when the case has no money. */
  valueAtRisk: {measure: string; unit: Text; label: Text; definition: Text} | null;
  cube: Cube;
}

/** Levels of `values`, ordered by `compare` (default: code point), each labelled by `label`. */
export function levelsOf(values: Iterable<string>, label: (value: string) => string | Text = (v) => v, compare?: (a: string, b: string) => number): Level[] {
  return [...new Set(values)].sort(compare ?? ((a, b) => (a < b ? -1 : a > b ? 1 : 0))).map((value) => ({value, label: label(value)}));
}

/**
 * The values a dimension keeps as its own levels, largest first: at most `max`, each held by at least
 * `minCell` rows; the others go together into one "other" level, which must hold `minCell` rows too
 * (the smallest kept value joins it until it does), so that no level is a small cell by itself.
 */
export function largestValues(values: readonly string[], {max, minCell = MIN_CELL}: {max: number; minCell?: number}): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const kept = ranked.slice(0, max).filter(([, n]) => n >= minCell);
  let rest = values.length - kept.reduce((s, [, n]) => s + n, 0);
  while (rest > 0 && rest < minCell && kept.length > 0) rest += kept.pop()![1];
  return kept.map(([v]) => v);
}
