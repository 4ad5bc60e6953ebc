/**
 * Association between variables of any type, on a common 0..1 scale:
 * numeric↔numeric |Pearson r| (or |Spearman ρ|), categorical↔categorical Cramér's V,
 * categorical↔numeric the correlation ratio η.
 */
import {type Category, crosstab, chiSquareStatistic, dropEmpty, isMissingCategory} from "./contingency.ts";
import {type Cell, isPresent} from "./descriptives.ts";
import {correlation, type CorrelationMethod} from "./correlation.ts";

export interface CramersVOptions {
  /** Bergsma (2013) bias correction. Default false: plain V from the uncorrected chi-square, the
   *  same as scipy.stats.contingency.association(method="cramer"). */
  biasCorrected?: boolean;
}

/** Cramér's V of a contingency table (no Yates correction in the chi-square). */
export function cramersVTable(counts: readonly (readonly number[])[], {biasCorrected = false}: CramersVOptions = {}): number {
  const table = dropEmpty(counts);
  const r = table.length;
  const c = r ? table[0].length : 0;
  if (r < 2 || c < 2) return NaN;
  const n = table.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  const {statistic} = chiSquareStatistic(table, false);
  const phi2 = statistic / n;
  if (!biasCorrected) return Math.sqrt(phi2 / (Math.min(r, c) - 1));
  const phi2c = Math.max(0, phi2 - ((r - 1) * (c - 1)) / (n - 1));
  const rc = r - ((r - 1) ** 2) / (n - 1);
  const cc = c - ((c - 1) ** 2) / (n - 1);
  const denom = Math.min(rc, cc) - 1;
  return denom > 0 ? Math.sqrt(phi2c / denom) : NaN;
}

export function cramersV(x: readonly Category[], y: readonly Category[], options: CramersVOptions = {}): number {
  return cramersVTable(crosstab(x, y).counts, options);
}

/** Correlation ratio η = sqrt(SS_between / SS_total) of a numeric variable across categories. */
export function correlationRatio(categories: readonly Category[], values: readonly Cell[]): number {
  const sums = new Map<string, [number, number]>();
  let total = 0;
  let n = 0;
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const g = categories[i];
    if (!isPresent(v) || isMissingCategory(g)) continue;
    const key = String(g);
    const s = sums.get(key) ?? [0, 0];
    s[0] += v;
    s[1]++;
    sums.set(key, s);
    total += v;
    n++;
    kept.push(v);
  }
  if (n < 2) return NaN;
  const grand = total / n;
  let ssTotal = 0;
  for (const v of kept) ssTotal += (v - grand) ** 2;
  let ssBetween = 0;
  for (const [s, m] of sums.values()) ssBetween += m * (s / m - grand) ** 2;
  return ssTotal > 0 ? Math.sqrt(Math.min(1, ssBetween / ssTotal)) : NaN;
}

export type ColumnKind = "numeric" | "categorical";

export interface AssociationColumn {
  name: string;
  kind: ColumnKind;
  values: readonly (number | string | boolean | null | undefined)[];
}

export type AssociationMeasure = "|r|" | "|ρ|" | "Cramér's V" | "η" | "";

export interface AssociationMatrix {
  names: string[];
  /** Symmetric matrix of associations in [0, 1]; 1 on the diagonal. */
  values: number[][];
  /** The measure used for each pair. */
  measures: AssociationMeasure[][];
}

export interface AssociationOptions {
  /** Correlation used between two numeric columns (absolute value). Default "pearson". */
  method?: CorrelationMethod;
  biasCorrected?: boolean;
}

/** Mixed-type association matrix: num↔num |r|, cat↔cat Cramér's V, cat↔num η. */
export function associationMatrix(columns: readonly AssociationColumn[], {method = "pearson", biasCorrected = false}: AssociationOptions = {}): AssociationMatrix {
  const p = columns.length;
  const values = Array.from({length: p}, () => new Array<number>(p).fill(NaN));
  const measures = Array.from({length: p}, () => new Array<AssociationMeasure>(p).fill(""));
  for (let i = 0; i < p; i++) {
    values[i][i] = 1;
    for (let j = i + 1; j < p; j++) {
      const a = columns[i];
      const b = columns[j];
      let value: number;
      let measure: AssociationMeasure;
      if (a.kind === "numeric" && b.kind === "numeric") {
        value = Math.abs(correlation(a.values as Cell[], b.values as Cell[], method));
        measure = method === "spearman" ? "|ρ|" : "|r|";
      } else if (a.kind === "categorical" && b.kind === "categorical") {
        value = cramersV(a.values as Category[], b.values as Category[], {biasCorrected});
        measure = "Cramér's V";
      } else {
        const [cat, num] = a.kind === "categorical" ? [a, b] : [b, a];
        value = correlationRatio(cat.values as Category[], num.values as Cell[]);
        measure = "η";
      }
      values[i][j] = values[j][i] = value;
      measures[i][j] = measures[j][i] = measure;
    }
  }
  return {names: columns.map((c) => c.name), values, measures};
}

export interface CollinearPair {
  a: string;
  b: string;
  value: number;
  measure: AssociationMeasure;
}

/** Pairs whose association is at least `threshold` (default 0.8), strongest first. */
export function collinearPairs(matrix: AssociationMatrix, threshold = 0.8): CollinearPair[] {
  const out: CollinearPair[] = [];
  const p = matrix.names.length;
  for (let i = 0; i < p; i++) {
    for (let j = i + 1; j < p; j++) {
      const value = matrix.values[i][j];
      if (value >= threshold) out.push({a: matrix.names[i], b: matrix.names[j], value, measure: matrix.measures[i][j]});
    }
  }
  return out.sort((x, y) => y.value - x.value);
}
