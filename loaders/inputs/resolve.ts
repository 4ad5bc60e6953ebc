/**
 * Which cases DATA_DIR holds, and where each case's inputs are. With a mapping file
 * (clientele-mapping.json, written by `npm run init`), the mapping says so: each file's path, the
 * case input it plays and the role, label and values of each of its columns. Without one, the seed
 * layout is read: a case is present when DATA_DIR/<case>/ exists, and its files and headers are
 * the template's own. Either way the result is the case's template with paths, headers, labels and
 * values filled in — the readers see no difference.
 */
import {existsSync, statSync} from "node:fs";
import {basename, join, parse} from "node:path";
import {cases, type CaseDefinition, type CaseId} from "../cases/registry.ts";
import {DataError, shown} from "../io/problems.ts";
import type {ColumnSpec, FileSpec} from "../io/schema.ts";
import {columnEntry, EXTRA_FEATURE, fileEntry, IGNORED, MAPPING_FILE, readMapping, type MappedFile, type MoneySpec} from "./mapping.ts";

export interface CaseInput {
  id: CaseId;
  /** The template's files, resolved: `path` set, column `source` = the export's header. */
  files: FileSpec[];
  /** The mapping file the inputs come from, or null for the seed layout. */
  mapping: string | null;
  /** The mapping's word on the case's money (currency, profit's meaning), if any: see loaders/cases/money.ts. */
  money?: MoneySpec;
}

export interface Inputs {
  dataDir: string;
  mapping: string | null;
  /** Present cases, in registry order. */
  cases: CaseInput[];
}

/** A readable field name for an extra column: "Средняя цена визита" → "srednyaya_tsena_vizita"-like ASCII, else col<i>. */
function fieldOf(header: string, i: number, used: Set<string>): string {
  const base = header.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "").toLowerCase() || `column_${i + 1}`;
  let field = `extra_${base}`;
  for (let k = 2; used.has(field); k++) field = `extra_${base}_${k}`;
  used.add(field);
  return field;
}

/** The template file with the mapped export's headers, labels and values. */
function mappedFile(dataDir: string, mapped: MappedFile, index: number, template: FileSpec): FileSpec {
  const byRole = new Map(Object.entries(mapped.columns).map(([header, c]) => [c.role, {header, c}]));
  const columns: ColumnSpec[] = [];
  for (const col of template.columns) {
    const m = byRole.get(col.field);
    if (!m) continue;
    const {header, c} = m;
    const resolved: ColumnSpec = {...col, source: header, label: c.label?.en ?? col.label, ...(c.label?.ru ? {labelRu: c.label.ru} : {}), entry: columnEntry(index, header)};
    if (c.values) {
      if (col.type === "flag") Object.assign(resolved, {type: "category", labelsFor: "flag", values: c.values});
      else resolved.values = c.values;
    }
    columns.push(resolved);
  }
  const used = new Set(template.columns.map((c) => c.field));
  Object.entries(mapped.columns).forEach(([header, c], i) => {
    if (c.role !== EXTRA_FEATURE) return;
    const type = c.type ?? "number";
    const values = c.values;
    columns.push({
      source: header, field: fieldOf(header, i, used), label: c.label?.en ?? header, ...(c.label?.ru ? {labelRu: c.label.ru} : {}), type: values && type === "flag" ? "category" : type,
      ...(values ? {values, ...(type === "flag" ? {labelsFor: "flag" as const} : {})} : {}),
      required: false, extra: true, entry: columnEntry(index, header)
    });
  });
  return {
    ...template, file: mapped.file, path: join(dataDir, mapped.file), entry: fileEntry(index), columns,
    ignored: Object.entries(mapped.columns).filter(([, c]) => c.role === IGNORED).map(([h]) => h)
  };
}

function fromMapping(dataDir: string, path: string): CaseInput[] {
  const mapping = readMapping(path);
  const missing = mapping.files.flatMap((f, i) => {
    const full = join(dataDir, f.file);
    return existsSync(full) && statSync(full).isFile() ? [] : [{
      severity: "error" as const, file: MAPPING_FILE, column: `${fileEntry(i)}.file`,
      expected: {en: `the export ${shown(f.file)} in ${dataDir}`, ru: `выгрузка ${shown(f.file)} в ${dataDir}`}, found: {en: "no such file", ru: "такого файла нет"},
      hint: {en: "correct the path (relative to DATA_DIR) or remove the entry, then run `npm run init` again if the exports changed",
        ru: "исправьте путь (относительно DATA_DIR) или удалите запись, затем, если выгрузки изменились, снова запустите `npm run init`"}
    }];
  });
  if (missing.length) throw new DataError(missing, {en: `${MAPPING_FILE} names files that are not there`, ru: `${MAPPING_FILE} называет файлы, которых нет`});
  const out: CaseInput[] = [];
  for (const def of cases) {
    const entries = mapping.files.map((f, i) => ({f, i})).filter(({f}) => f.case === def.id);
    if (!entries.length) continue;
    const files = def.schema.files.flatMap((template) => {
      const found = entries.find(({f}) => f.input === template.table);
      if (!found && template.optional) return [];
      if (!found) {
        throw new DataError([{severity: "error", file: MAPPING_FILE, column: "files",
          expected: {en: `a file for every input of ${def.id} (${def.schema.files.map((t) => t.table).join(", ")})`, ru: `файл для каждого входа кейса ${def.id} (${def.schema.files.map((t) => t.table).join(", ")})`},
          found: {en: `none for ${shown(template.table)} (${template.title.toLowerCase()})`, ru: `нет файла для ${shown(template.table)} (${template.titleRu.toLowerCase()})`},
          hint: {en: `add an entry {"file": …, "case": "${def.id}", "input": "${template.table}", "columns": …}, or remove the ${def.id} entries to leave the case out`,
            ru: `добавьте запись {"file": …, "case": "${def.id}", "input": "${template.table}", "columns": …} или удалите записи ${def.id}, чтобы не строить этот кейс`}}],
        {en: `${MAPPING_FILE}: the ${def.title.en} case is incomplete`, ru: `${MAPPING_FILE}: кейс «${def.title.ru}» неполон`});
      }
      return [mappedFile(dataDir, found.f, found.i, template)];
    });
    out.push({id: def.id, files, mapping: path, ...(mapping.money?.[def.id] ? {money: mapping.money[def.id]} : {})});
  }
  return out;
}

/** A template file read in the seed layout from `path` (named by it: a Parquet export shows as such), with the
 * seed's own columns (not the roles only a mapping can give). */
export function seedFile(template: FileSpec, path: string): FileSpec {
  const file = path.endsWith(".parquet") ? basename(path) : template.file;
  return {...template, file, path, columns: template.columns.filter((c) => !c.mappedOnly)};
}

/** Seed layout: DATA_DIR/<case>/<template file> (or the .parquet of the same stem). */
function seedCase(dataDir: string, def: CaseDefinition): CaseInput {
  const dir = join(dataDir, def.id);
  return {
    id: def.id, mapping: null,
    files: def.schema.files.flatMap((template) => {
      const parquet = join(dir, `${parse(template.file).name}.parquet`);
      const csv = join(dir, template.file);
      if (template.optional && !existsSync(csv) && !existsSync(parquet)) return [];
      return [seedFile(template, !existsSync(csv) && existsSync(parquet) ? parquet : csv)];
    })
  };
}

/** Every case DATA_DIR holds. Throws a DataError for a faulty mapping. */
export function resolveInputs(dataDir: string): Inputs {
  const mapping = join(dataDir, MAPPING_FILE);
  if (existsSync(mapping)) return {dataDir, mapping, cases: fromMapping(dataDir, mapping)};
  const present = cases.filter((def) => existsSync(join(dataDir, def.id)) && statSync(join(dataDir, def.id)).isDirectory());
  return {dataDir, mapping: null, cases: present.map((def) => seedCase(dataDir, def))};
}

/** Ids of the cases DATA_DIR holds; none when the mapping is faulty (the build reports why before it gets here). */
export function presentCaseIds(dataDir: string): CaseId[] {
  try {
    return resolveInputs(dataDir).cases.map((c) => c.id);
  } catch {
    return [];
  }
}

/** One case's inputs; a DataError when DATA_DIR does not hold the case. */
export function caseInput(dataDir: string, id: CaseId): CaseInput {
  const inputs = resolveInputs(dataDir);
  const found = inputs.cases.find((c) => c.id === id);
  if (found) return found;
  const def = cases.find((c) => c.id === id)!;
  throw new DataError([{
    severity: "error", file: inputs.mapping ? MAPPING_FILE : def.id,
    expected: inputs.mapping
      ? {en: `files mapped to the ${def.title.en} case`, ru: `файлы, сопоставленные кейсу «${def.title.ru}»`}
      : {en: `the folder ${join(dataDir, def.id)} with ${def.schema.files.map((f) => f.file).join(", ")}`, ru: `папка ${join(dataDir, def.id)} с ${def.schema.files.map((f) => f.file).join(", ")}`},
    found: inputs.mapping ? {en: "none", ru: "их нет"} : {en: "no such folder", ru: "такой папки нет"},
    hint: {en: "run `npm run init -- DIR` to map your exports, or set DATA_DIR to the folder holding them", ru: "запустите `npm run init -- DIR`, чтобы сопоставить свои выгрузки, или укажите в DATA_DIR папку с ними"}
  }], {en: `DATA_DIR holds no ${def.title.en} case`, ru: `В DATA_DIR нет кейса «${def.title.ru}»`});
}

/** Where a cleaner reads a case from: DATA_DIR (resolved here) or inputs resolved already. */
export type InputSource = string | CaseInput;

export function asCaseInput(source: InputSource, id: CaseId): CaseInput {
  return typeof source === "string" ? caseInput(source, id) : source;
}
