/**
 * Category labels: match each label found in an export to the schema's allowed labels, repairing
 * case/space variants, Latin/Cyrillic look-alikes and misspellings (small edit distance to exactly
 * one allowed label), and leaving the rest as unknown (an error for the caller to report).
 * Without a schema list, `frequentLabelFixes` proposes rare labels close to a more frequent one.
 */
import {editDistance} from "../io/edit-distance.ts";
import {foldLookalikes, mixesScripts} from "./lookalike.ts";

export interface LabelCount {
  value: string;
  rows: number;
  /** First line where it occurs. */
  line: number;
}

export type LabelFixReason = "spacing-or-case" | "lookalike" | "misspelling";

export interface LabelFix {
  from: string;
  /** Allowed source label it is read as. */
  to: string;
  reason: LabelFixReason;
  distance: number;
  rows: number;
  line: number;
}

export interface LabelResolution {
  /** Every label found → the allowed source label it stands for (identity for allowed labels). */
  mapping: Record<string, string>;
  fixes: LabelFix[];
  unknown: LabelCount[];
}

/** Largest edit distance accepted as a misspelling of a label of this length. */
export function maxEdits(label: string): number {
  const n = Array.from(label).length;
  return n <= 4 ? 0 : n <= 8 ? 1 : 2;
}

const squash = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

export function resolveLabels(found: LabelCount[], allowed: readonly string[]): LabelResolution {
  const mapping: Record<string, string> = {};
  const fixes: LabelFix[] = [];
  const unknown: LabelCount[] = [];
  const allowedSet = new Set(allowed);
  for (const f of found) {
    if (allowedSet.has(f.value)) {
      mapping[f.value] = f.value;
      continue;
    }
    const squashed = squash(f.value);
    const folded = squash(foldLookalikes(f.value));
    const bySpace = allowed.find((a) => squash(a) === squashed);
    const byFold = allowed.find((a) => squash(a) === folded);
    if (bySpace || byFold) {
      const to = (bySpace ?? byFold)!;
      const reason: LabelFixReason = !bySpace && mixesScripts(f.value) ? "lookalike" : "spacing-or-case";
      mapping[f.value] = to;
      fixes.push({from: f.value, to, reason, distance: editDistance(f.value, to), rows: f.rows, line: f.line});
      continue;
    }
    const scored = allowed.map((a) => ({a, d: editDistance(folded, squash(a))})).sort((x, y) => x.d - y.d);
    const best = scored[0];
    const unique = best && (scored.length < 2 || scored[1].d > best.d);
    if (best && unique && best.d <= maxEdits(best.a)) {
      mapping[f.value] = best.a;
      fixes.push({from: f.value, to: best.a, reason: mixesScripts(f.value) ? "lookalike" : "misspelling", distance: best.d, rows: f.rows, line: f.line});
    } else unknown.push(f);
  }
  return {mapping, fixes, unknown};
}

/** Without an allowed list: labels within edit distance of a label at least `ratio` times as frequent. */
export function frequentLabelFixes(found: LabelCount[], {ratio = 5}: {ratio?: number} = {}): LabelFix[] {
  const sorted = [...found].sort((a, b) => b.rows - a.rows);
  const fixes: LabelFix[] = [];
  for (const f of sorted) {
    const folded = squash(foldLookalikes(f.value));
    for (const g of sorted) {
      if (g.rows < f.rows * ratio) break;
      const d = editDistance(folded, squash(g.value));
      if (g.value !== f.value && d <= maxEdits(g.value)) {
        fixes.push({from: f.value, to: g.value, reason: mixesScripts(f.value) ? "lookalike" : d === 0 ? "spacing-or-case" : "misspelling", distance: d, rows: f.rows, line: f.line});
        break;
      }
    }
  }
  return fixes;
}
