/**
 * An action's list on a page: how many customers it targets, how many are held back as the control
 * group, and — in the internal edition, where customer rows are allowed — two downloads of the list
 * (CSV, and an Excel-friendly CSV: byte-order mark, ";" between fields, decimal commas). The files
 * are made in the browser from the page's own data: no request leaves the site.
 */
import type {ActionList, ListRow, ListValue} from "../../loaders/analysis/action-list.ts";
import {count, countOf, grouped, pct} from "./format.js";
import {isText, pageLang, type Lang, type Noun} from "./i18n.js";
import {nouns} from "./glossary.js";

const GROUP_TEXT = {
  contact: {en: "contact", ru: "связаться"},
  control: {en: "control: do not contact", ru: "контроль: не связываться"}
} as const;

/** The downloads' first three headers. */
const HEADERS = {
  customer: {en: "customer", ru: "клиент"},
  group: {en: "group", ru: "группа"},
  reason: {en: "reason", ru: "причина"}
} as const;

function cell(value: ListValue, type: "text" | "number", excel: boolean, separator: string, lang: Lang): string {
  if (value === null || value === undefined) return "";
  if (isText(value)) value = value[lang];
  let text = typeof value === "number" && type === "number" && excel ? String(value).replace(".", ",") : String(value);
  // Excel would run a cell starting with = + - @ as a formula: keep such text as text.
  if (excel && type === "text" && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The list as CSV text: header, then one line per customer, in `lang` (the page's language by default).
 *  `excel`: ";" and decimal commas, with a BOM. */
export function listCsv(list: Pick<ActionList, "columns" | "rows">, {excel = false, lang = pageLang}: {excel?: boolean; lang?: Lang} = {}): string {
  const separator = excel ? ";" : ",";
  const columns = [
    {key: "customer", label: HEADERS.customer, type: "text" as const},
    {key: "group", label: HEADERS.group, type: "text" as const},
    {key: "reason", label: HEADERS.reason, type: "text" as const},
    ...list.columns
  ];
  const line = (values: string[]) => values.join(separator);
  const rows = list.rows.map((row: ListRow) => line(columns.map((c) =>
    cell(c.key === "group" ? GROUP_TEXT[row.group] : row[c.key], c.type, excel, separator, lang))));
  return (excel ? "\uFEFF" : "") + [line(columns.map((c) => cell(c.label, "text", excel, separator, lang))), ...rows].join("\r\n") + "\r\n";
}

/** The noun a page counts in: a glossary noun, or an English plural ("members") looked up in the glossary. */
function nounOf(noun: string | Noun): Noun {
  if (typeof noun !== "string") return noun;
  return Object.values(nouns).find((n) => n.en[1] === noun) ?? {en: [noun, noun], ru: ["клиент", "клиента", "клиентов"]};
}

function download(text: string, name: string, label: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], {type: "text/csv;charset=utf-8"}));
  a.download = name;
  a.textContent = label;
  return a;
}

/** The counts line and the downloads (or where the list is). `noun`: the plural the case counts in ("members");
 * `note`: whether to add the analyst's how-to under a list that is not in this edition (once per page is enough). */
export function actionListBlock(list: ActionList, {noun = "customers" as string | Noun, note: withNote = true} = {}): HTMLElement {
  const ru = pageLang === "ru";
  const n = nounOf(noun);
  const plural = n.en[1], many = n.ru[2];
  const block = document.createElement("div");
  block.className = "action-list";
  const counts = document.createElement("p");
  counts.textContent = ru
    ? (list.size === 0 ? `В этом списке нет ${many}.` :
      `В списке ${count(list.size, n)}: ${grouped(list.contact)} — связаться, ${grouped(list.control)} — контрольная группа ` +
      `(не связываться; ${pct(list.controlShare, 0)} выбраны случайно), чтобы следующая выгрузка показала, что изменило действие.`)
    : (list.size === 0 ? `No ${plural} are on this list.` :
      `${typeof noun === "string" ? countOf(list.size, noun) : count(list.size, n)} on the list: ${grouped(list.contact)} to contact and ${grouped(list.control)} held back as a control group ` +
      `(do not contact; ${pct(list.controlShare, 0)} chosen at random), so that the next export shows what the action changed.`);
  block.append(counts);
  if (list.size === 0) return block;
  if (list.allowed) {
    const links = document.createElement("p");
    links.append(ru ? `Скачать список ${many} с причиной для каждого: ` : `Download the list of ${plural} with each one's reason: `,
      download(listCsv(list), `${list.id}.csv`, "CSV"), " · ",
      download(listCsv(list, {excel: true}), `${list.id}-excel.csv`, "Excel (;)"));
    block.append(links);
  } else {
    const where = document.createElement("p");
    where.textContent = ru ? `Список ${many} с причиной для каждого — во внутренней редакции этого отчёта.` : `The list of ${plural}, with each one's reason, is in the internal edition of this report.`;
    const note = document.createElement("details");
    note.className = "analyst-note";
    const summary = document.createElement("summary");
    summary.textContent = ru ? "Для аналитика" : "For the analyst";
    const how = document.createElement("p");
    // Setting names are code (<code>), in either language.
    how.innerHTML = ru
      ? "В этой редакции нет идентификаторов клиентов. Соберите внутреннюю редакцию с <code>CLIENTELE_CUSTOMER_ROWS=1</code> " +
        "(и <code>CLIENTELE_CONTROL_SHARE</code> для доли контрольной группы, по умолчанию 0,1) и публикуйте её только там, где допустимы данные клиентов."
      : "This edition leaves customer ids out. Build the internal edition with <code>CLIENTELE_CUSTOMER_ROWS=1</code> " +
        "(and <code>CLIENTELE_CONTROL_SHARE</code> for the control group's share, 0.1 by default) and publish it only where customer data may go.";
    note.append(summary, how);
    block.append(where);
    if (withNote) block.append(note);
  }
  return block;
}
