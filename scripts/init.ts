/**
 * `npm run init -- DIR`: look at every CSV/Parquet export in DIR (flat or in subfolders, sampled,
 * never read whole), propose which case input each file is and which role each column plays, write
 * DIR/clientele-mapping.json for the analyst to check and edit, and print what was decided, what
 * was left out and why, and what could not be decided. Exit code 0 when a mapping was written, 2
 * when no file fitted any case (1 on a usage error).
 */
import {existsSync, renameSync, statSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {cases} from "../loaders/cases/registry.ts";
import {findExports} from "../loaders/inputs/inspect.ts";
import {MAPPING_FILE} from "../loaders/inputs/mapping.ts";
import {proposeFolder, type Proposal} from "../loaders/inputs/propose.ts";
import type {InputGuess} from "../loaders/inputs/guess.ts";
import {russianLabels} from "../loaders/inputs/glossary.ts";
import {defaultLang} from "../loaders/settings.ts";
import {tr, type Lang} from "../src/components/i18n.ts";

/** Words of init's report: English (the default) or Russian, as CLIENTELE_LANG says. */
const words = (lang: Lang) => (en: string, ru: string) => (lang === "ru" ? ru : en);

const pct = (x: number) => `${Math.round(x * 100)} %`;
const title = (g: InputGuess, lang: Lang) => {
  const def = cases.find((c) => c.id === g.case)!;
  const spec = def.schema.files.find((f) => f.table === g.input)!;
  return `${def.id} / ${g.input} (${(lang === "ru" ? spec.titleRu : spec.title).toLowerCase()})`;
};
const list = (xs: string[]) => xs.map((x) => JSON.stringify(x)).join(", ");

/** The report init prints: one block per file, then what could not be decided. */
export function describeProposal(p: Proposal, lang: Lang = defaultLang()): string[] {
  const t = words(lang);
  const out: string[] = [];
  for (const {file, guess} of p.placed) {
    out.push(`${file} → ${title(guess, lang)}, ${t("confidence", "уверенность")} ${pct(guess.confidence)}`);
    const features = guess.columns.filter((c) => c.role === "feature");
    if (features.length) out.push(`    ${t("features of its own", "собственные признаки")}: ${features.map((c) => `${JSON.stringify(c.header)} (${c.type})`).join(", ")}`);
    for (const c of guess.columns) {
      if (c.role === "ignore") out.push(`    ${t("left out", "не используется")} ${JSON.stringify(c.header)}: ${tr(c.why, lang)}`);
      if (c.values && c.role !== "feature") {
        const pairs = Object.entries(c.values);
        out.push(`    ${JSON.stringify(c.header)} (${c.role}) ${t("values", "значения")}: ${pairs.slice(0, 6).map(([from, to]) => `${from} → ${to}`).join(", ")}${pairs.length > 6 ? ", …" : ""}`);
      }
      if (c.unplaced?.length) out.push(`    ${JSON.stringify(c.header)} (${c.role}): ${t(`could not place the values ${list(c.unplaced)} — give their meaning in "values"`, `не удалось сопоставить значения ${list(c.unplaced)} — укажите их смысл в "values"`)}`);
      if (c.misspelt?.length) out.push(`    ${JSON.stringify(c.header)} (${c.role}): ${t(`${list(c.misspelt)} read as misspellings of known labels`, c.misspelt.length === 1 ? `${list(c.misspelt)} прочитано как опечатка в известной метке` : `${list(c.misspelt)} прочитаны как опечатки в известных метках`)}`);
      if (c.role !== "ignore" && (c.confidence ?? 1) < 0.6) out.push(`    ${t("unsure", "не уверен")}: ${JSON.stringify(c.header)} ${t("as", "как")} ${c.role} (${t("confidence", "уверенность")} ${pct(c.confidence ?? 0)})`);
    }
  }
  const undecided: string[] = [];
  for (const a of p.ambiguous) {
    undecided.push(t(`${a.file} fits ${title(a.other, lang)} almost as well (${pct(a.other.confidence)}) as ${title(a.chosen, lang)} (${pct(a.chosen.confidence)}); mapped to the latter — check`,
      `${a.file} подходит к ${title(a.other, lang)} почти так же (${pct(a.other.confidence)}), как к ${title(a.chosen, lang)} (${pct(a.chosen.confidence)}); сопоставлен со вторым — проверьте`));
  }
  for (const d of p.displaced) {
    undecided.push(t(`${d.file} also fits ${title(d.guess, lang)} (confidence ${pct(d.guess.confidence)}); kept ${d.kept}, which fits better — swap the "file" in the mapping if that is wrong`,
      `${d.file} тоже подходит к ${title(d.guess, lang)} (уверенность ${pct(d.guess.confidence)}); оставлен ${d.kept}, он подходит лучше — если это неверно, поменяйте "file" в сопоставлении`));
  }
  for (const i of p.incomplete) {
    const found = i.found.map((f) => `${f.file} (${f.guess.input})`).join(", ");
    undecided.push(t(`${i.case}: found ${found} but no file for ${list(i.lacking)} — the case is left out`,
      `${i.case}: найдены ${found}, но нет файла для ${list(i.lacking)} — кейс не строится`));
  }
  for (const u of p.unfitted) {
    const lacking = (l: Lang) => u.closest!.missing.map((m) => `${m.field} (${l === "ru" ? russianLabels[m.field] ?? m.label : m.label})`).join(", ");
    undecided.push(u.closest
      ? t(`${u.file} fits no case; closest is ${title(u.closest, lang)}, lacking ${lacking("en")}`, `${u.file} не подходит ни к одному кейсу; ближе всего ${title(u.closest, lang)}, но не хватает ${lacking("ru")}`)
      : t(`${u.file} fits no case`, `${u.file} не подходит ни к одному кейсу`));
  }
  if (undecided.length) out.push("", t("Could not decide:", "Не удалось решить:"), ...undecided.map((u) => `  - ${u}`));
  return out;
}

async function main(lang: Lang = defaultLang()): Promise<number> {
  const t = words(lang);
  const arg = process.argv.slice(2).find((a) => !a.startsWith("-"));
  if (!arg) {
    console.error(t("usage: npm run init -- DIR   (the folder holding your CSV or Parquet exports)", "запуск: npm run init -- DIR   (папка с вашими выгрузками CSV или Parquet)"));
    return 1;
  }
  const dir = resolve(arg);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(t(`${dir} is not a folder`, `${dir} — не папка`));
    return 1;
  }
  if (!findExports(dir).length) {
    console.error(t(`no CSV or Parquet file in ${dir}`, `в ${dir} нет файлов CSV или Parquet`));
    return 2;
  }
  const proposal = await proposeFolder(dir);
  console.log(describeProposal(proposal, lang).join("\n"));
  if (!proposal.mapping.files.length) {
    const ids = cases.map((c) => c.id).join(", ");
    console.error(t(`\nNo file fitted a case template (${ids}); no mapping written.`, `\nНи один файл не подошёл к шаблону кейса (${ids}); сопоставление не записано.`));
    return 2;
  }
  const path = join(dir, MAPPING_FILE);
  if (existsSync(path)) {
    renameSync(path, `${path}.previous`);
    console.log(t(`\nThe earlier mapping is kept as ${MAPPING_FILE}.previous.`, `\nПрежнее сопоставление сохранено как ${MAPPING_FILE}.previous.`));
  }
  writeFileSync(path, `${JSON.stringify(proposal.mapping, null, 2)}\n`);
  console.log(t(`\nWrote ${path}: check it, edit what is wrong (a column's "role", its "label", "values"), then build with DATA_DIR=${arg} npm run build.`,
    `\nЗаписан ${path}: проверьте его, исправьте неверное ("role" столбца, его "label", "values"), затем постройте отчёт: DATA_DIR=${arg} npm run build.`));
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
