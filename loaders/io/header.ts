/**
 * Match an export's header to its schema: which column holds which field, and the problems —
 * missing (possibly renamed) required columns, duplicated names, extra columns (ignored).
 */
import type {ColumnSpec, FileSpec} from "./schema.ts";
import type {Problem} from "./problems.ts";
import {shown} from "./problems.ts";
import {closest} from "./edit-distance.ts";

export interface HeaderMatch {
  /** For each header position, the schema column it holds, or null (extra column). */
  columns: (ColumnSpec | null)[];
  problems: Problem[];
}

const norm = (s: string) => s.replace(/^\uFEFF/, "").trim().toLowerCase();

export function matchHeader(spec: FileSpec, header: string[]): HeaderMatch {
  const problems: Problem[] = [];
  const columns: (ColumnSpec | null)[] = header.map(() => null);
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    const key = norm(name);
    if (seen.has(key)) {
      problems.push({
        severity: "error", file: spec.file, line: 1, column: name,
        expected: "each column name once", found: `${shown(name)} in columns ${seen.get(key)! + 1} and ${i + 1}`,
        hint: "remove or rename the repeated column"
      });
    } else seen.set(key, i);
  });
  for (const col of spec.columns) {
    const exact = header.findIndex((h) => h.trim() === col.source);
    const loose = exact >= 0 ? exact : header.findIndex((h) => norm(h) === norm(col.source));
    if (loose >= 0) {
      columns[loose] = col;
      if (exact < 0) {
        problems.push({
          severity: "warning", file: spec.file, line: 1, column: header[loose],
          expected: `the column name ${shown(col.source)}`, found: shown(header[loose]),
          hint: "read it as that column (names are compared without case and surrounding spaces)"
        });
      }
    }
  }
  const unmatched = header.filter((_, i) => columns[i] === null);
  for (const col of spec.columns) {
    if (columns.includes(col)) continue;
    const near = closest(col.source, unmatched);
    const renamed = near && near.distance <= Math.max(2, Math.floor(col.source.length / 3)) ? near.value : null;
    problems.push({
      severity: col.required === false ? "warning" : "error", file: spec.file, line: 1, column: col.source,
      expected: `a column ${shown(col.source)} (${col.label})`,
      found: renamed ? `a column named ${shown(renamed)} instead` : "no such column",
      hint: col.entry
        ? `the mapping entry ${col.entry} names it; correct the header there${renamed ? ` (is it ${shown(renamed)}?)` : ""} — the file's header has ${header.map((h) => shown(h, 30)).join(", ")}`
        : renamed
          ? `rename the column ${shown(renamed)} to ${shown(col.source)} in the export`
          : `the header has ${header.map((h) => shown(h, 30)).join(", ")}`
    });
  }
  const ignored = new Set((spec.ignored ?? []).map(norm));
  header.forEach((name, i) => {
    if (columns[i] !== null || ignored.has(norm(name))) return;
    const wasRename = spec.columns.some((c) => !columns.includes(c) && closest(c.source, [name])!.distance <= Math.max(2, Math.floor(c.source.length / 3)));
    if (wasRename) return;
    problems.push({
      severity: "warning", file: spec.file, line: 1, column: name,
      expected: `only the ${spec.columns.length} columns of the ${spec.entry ? "mapping" : "schema"}`,
      found: `an extra column ${shown(name)}`,
      hint: spec.entry ? `the column is ignored; give it a role in the mapping entry ${spec.entry} to use it` : "the extra column is ignored"
    });
  });
  return {columns, problems};
}
