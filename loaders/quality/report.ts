/** Assemble a QualityReport from what reading, validation and the audits produced. */
import type {ReadCase} from "../io/read-case.ts";
import type {Noun, Text} from "../../src/components/i18n.ts";
import type {LabelRepair} from "../io/validate.ts";
import type {Exclusion, Finding, LineVersions, QualityReport, Repair} from "./types.ts";
import type {ReusedIdsAudit} from "./reused-ids.ts";
import type {SameOccasionAudit} from "./same-occasion.ts";
import {count, ru} from "./words.ts";
import {nouns} from "../../src/components/glossary.ts";

/** Findings (one per field and reason) and repairs (one per field) for repaired category labels;
 * repair ids name the input (`table`), not the file, so they do not change with the export's name. */
export function labelRepairs(file: string, table: string, fixes: LabelRepair[], categoryFields: string[] = [], labels: Record<string, string> = {}): {findings: Finding[]; repairs: Repair[]} {
  const findings: Finding[] = [];
  const repairs: Repair[] = [];
  const fields = [...new Set([...categoryFields, ...fixes.map((f) => f.field)])];
  for (const field of fields) {
    const mine = fixes.filter((f) => f.field === field);
    for (const reason of ["misspelling", "lookalike", "spacing-or-case"] as const) {
      const group = mine.filter((f) => f.reason === reason);
      if (!group.length) continue;
      const rows = group.reduce((s, f) => s + f.rows, 0);
      const one = group.length === 1;
      const what = reason === "misspelling" ? (one ? "misspells an allowed label" : "misspell allowed labels")
        : reason === "lookalike" ? (one ? "mixes Latin and Cyrillic look-alike letters" : "mix Latin and Cyrillic look-alike letters")
        : (one ? "differs from an allowed label only in case or spaces" : "differ from allowed labels only in case or spaces");
      const whatRu = reason === "misspelling" ? (one ? "написана с опечаткой" : "написаны с опечатками")
        : reason === "lookalike" ? (one ? "смешивает похожие латинские и кириллические буквы" : "смешивают похожие латинские и кириллические буквы")
        : (one ? "отличается от допустимой метки только регистром или пробелами" : "отличаются от допустимых меток только регистром или пробелами");
      findings.push({
        kind: reason === "lookalike" ? "lookalike" : reason === "misspelling" ? "misspelling" : "format",
        file, field, rows, groups: group.length,
        summary: {en: `${group.length} label${one ? "" : "s"} of ${(labels[field] ?? field).toLowerCase()} ${what} (${count(rows, "row")})`,
          ru: `${ru.plural(group.length, "метка", "метки", "меток")} столбца ${field} ${whatRu} (${ru.count(rows, nouns.row)})`},
        method: reason === "misspelling" ? {en: "edit distance to the schema's labels (≤ 1 for labels up to 8 letters, ≤ 2 for longer)",
          ru: "расстояние редактирования (Левенштейна) до меток схемы: не больше 1 для меток до 8 букв, не больше 2 для более длинных"} : undefined,
        examples: group.map((f) => ({file, line: f.line, field, found: f.from, becomes: f.to,
          note: {en: `${count(f.rows, "row")}, edit distance ${f.distance}`, ru: `${ru.count(f.rows, nouns.row)}, расстояние редактирования ${f.distance}`}}))
      });
    }
    repairs.push({
      id: `fix-label-${table}-${field}`, file, field, action: "changed",
      rows: mine.reduce((s, f) => s + f.rows, 0),
      description: {en: `Labels of ${(labels[field] ?? field).toLowerCase()} that are misspelt or typed with look-alike letters are read as the allowed label they stand for.`,
        ru: `Метки столбца ${field}, написанные с опечаткой или похожими буквами другого алфавита, читаются как допустимая метка, которую они обозначают.`},
      examples: mine.map((f) => ({file, line: f.line, field, found: f.from, becomes: f.to, note: {en: count(f.rows, "row"), ru: ru.count(f.rows, nouns.row)}}))
    });
  }
  return {findings, repairs};
}

export interface ReportParts {
  findings?: Finding[];
  repairs?: Repair[];
  exclusions?: Exclusion[];
  clean: Record<string, number>;
  modelling: {unit: Noun; rows: number};
  flow: {stage: Text; rows: number}[];
  lineVersions?: LineVersions;
  reusedIds?: ReusedIdsAudit;
  sameOccasion?: SameOccasionAudit;
}

/** The report skeleton from a read case: files, warnings, label findings and repairs, plus the parts given. */
export function buildReport(kase: QualityReport["case"], read: ReadCase, parts: ReportParts): QualityReport {
  const files = Object.values(read.files);
  const findings: Finding[] = [];
  const repairs: Repair[] = [];
  for (const f of files) {
    repairs.push(...f.repairs);
    const labels = labelRepairs(f.spec.file, f.spec.table, f.validation.labelRepairs, f.spec.columns.filter((c) => c.type === "category").map((c) => c.field),
      Object.fromEntries(f.spec.columns.map((c) => [c.field, c.label])));
    findings.push(...labels.findings);
    repairs.push(...labels.repairs);
  }
  findings.push(...(parts.findings ?? []));
  repairs.push(...(parts.repairs ?? []));
  return {
    case: kase,
    files: files.map((f) => f.report),
    problems: read.problems,
    findings,
    repairs,
    exclusions: parts.exclusions ?? [],
    ...(parts.lineVersions ? {lineVersions: parts.lineVersions} : {}),
    ...(parts.reusedIds ? {reusedIds: parts.reusedIds} : {}),
    ...(parts.sameOccasion ? {sameOccasion: parts.sameOccasion} : {}),
    counts: {
      input: Object.fromEntries(files.map((f) => [f.spec.file, f.report.rows])),
      clean: parts.clean,
      modelling: parts.modelling,
      flow: parts.flow
    }
  };
}
