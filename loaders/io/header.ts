/**
 * Match an export's header to its schema: which column holds which field, and the problems —
 * missing (possibly renamed) required columns, duplicated names, extra columns (ignored).
 */
import {columnLabel, type ColumnSpec, type FileSpec} from "./schema.ts";
import {formats} from "../../src/components/format.ts";

const ru = formats("ru");
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
        expected: {en: "each column name once", ru: "каждое название столбца один раз"},
        found: {en: `${shown(name)} in columns ${seen.get(key)! + 1} and ${i + 1}`, ru: `${shown(name)} в столбцах ${seen.get(key)! + 1} и ${i + 1}`},
        hint: {en: "remove or rename the repeated column", ru: "удалите или переименуйте повторяющийся столбец"}
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
          expected: {en: `the column name ${shown(col.source)}`, ru: `название столбца ${shown(col.source)}`}, found: shown(header[loose]),
          hint: {en: "read it as that column (names are compared without case and surrounding spaces)", ru: "прочитан как этот столбец (названия сравниваются без учёта регистра и пробелов по краям)"}
        });
      }
    }
  }
  const unmatched = header.filter((_, i) => columns[i] === null);
  const headerList = header.map((h) => shown(h, 30)).join(", ");
  for (const col of spec.columns) {
    if (columns.includes(col)) continue;
    const near = closest(col.source, unmatched);
    const renamed = near && near.distance <= Math.max(2, Math.floor(col.source.length / 3)) ? near.value : null;
    problems.push({
      severity: col.required === false ? "warning" : "error", file: spec.file, line: 1, column: col.source,
      expected: {en: `a column ${shown(col.source)} (${col.label})`, ru: `столбец ${shown(col.source)} (${columnLabel(col).ru})`},
      found: renamed ? {en: `a column named ${shown(renamed)} instead`, ru: `вместо него столбец ${shown(renamed)}`} : {en: "no such column", ru: "такого столбца нет"},
      hint: col.entry
        ? {en: `the mapping entry ${col.entry} names it; correct the header there${renamed ? ` (is it ${shown(renamed)}?)` : ""} — the file's header has ${headerList}`,
          ru: `его называет запись сопоставления ${col.entry}; исправьте название там${renamed ? ` (может быть, ${shown(renamed)}?)` : ""} — в заголовке файла: ${headerList}`}
        : renamed
          ? {en: `rename the column ${shown(renamed)} to ${shown(col.source)} in the export`, ru: `переименуйте в выгрузке столбец ${shown(renamed)} в ${shown(col.source)}`}
          : {en: `the header has ${headerList}`, ru: `в заголовке: ${headerList}`}
    });
  }
  const ignored = new Set((spec.ignored ?? []).map(norm));
  header.forEach((name, i) => {
    if (columns[i] !== null || ignored.has(norm(name))) return;
    const wasRename = spec.columns.some((c) => !columns.includes(c) && closest(c.source, [name])!.distance <= Math.max(2, Math.floor(c.source.length / 3)));
    if (wasRename) return;
    problems.push({
      severity: "warning", file: spec.file, line: 1, column: name,
      expected: {en: `only the ${spec.columns.length} columns of the ${spec.entry ? "mapping" : "schema"}`,
        ru: `только столбцы ${spec.entry ? "сопоставления" : "схемы"} (${ru.plural(spec.columns.length, "столбец", "столбца", "столбцов")})`},
      found: {en: `an extra column ${shown(name)}`, ru: `лишний столбец ${shown(name)}`},
      hint: spec.entry ? {en: `the column is ignored; give it a role in the mapping entry ${spec.entry} to use it`, ru: `столбец не используется; чтобы использовать, дайте ему роль в записи сопоставления ${spec.entry}`}
        : {en: "the extra column is ignored", ru: "лишний столбец не используется"}
    });
  });
  return {columns, problems};
}
