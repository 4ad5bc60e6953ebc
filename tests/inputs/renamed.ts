/**
 * The real exports as another company would send them, written into a temporary folder inside a
 * test (the real data is never copied into the repository): the gym table under another file name,
 * with Russian headers, `;` separators and decimal commas; the order log with other English headers
 * and ISO timestamps. Each comes with the mapping a person (or `npm run init`) would write.
 */
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {MAPPING_FILE, type Mapping, type MappedFile} from "../../loaders/inputs/mapping.ts";
import {datasets} from "../real-data.ts";

/** Seed header → [Russian header, role]. */
export const gymHeaders: Record<string, [string, string]> = {
  gender: ["Пол", "gender"],
  Near_Location: ["Живёт или работает рядом", "nearLocation"],
  Partner: ["Сотрудник компании-партнёра", "partner"],
  Promo_friends: ["Пришёл по акции «Приведи друга»", "promoFriends"],
  Phone: ["Телефон указан", "phone"],
  Contract_period: ["Срок абонемента, мес.", "contractPeriod"],
  Group_visits: ["Групповые занятия", "groupVisits"],
  Age: ["Возраст", "age"],
  Avg_additional_charges_total: ["Траты на доп. услуги", "additionalCharges"],
  Month_to_end_contract: ["Месяцев до конца абонемента", "monthsToEndOfContract"],
  Lifetime: ["Месяцев с первого визита", "lifetime"],
  Avg_class_frequency_total: ["Посещений в неделю (всё время)", "classFrequencyTotal"],
  Avg_class_frequency_current_month: ["Посещений в неделю (этот месяц)", "classFrequencyCurrentMonth"],
  Churn: ["Отток", "churn"]
};

export const GYM_FILE = "clients_export_2024.csv";

/** The gym table's CSV text as the Russian export: headers translated, `;` separated, decimal commas. */
export function russianGymCsv(): string {
  const [header, ...rows] = readFileSync(join(datasets, "fitness", "gym_churn_us.csv"), "utf8").trim().split(/\r?\n/);
  const names = header.split(",").map((h) => gymHeaders[h][0]);
  return [names.join(";"), ...rows.map((r) => r.split(",").map((v) => v.replace(".", ",")).join(";"))].join("\r\n") + "\r\n";
}

export function gymMapping(file = GYM_FILE): MappedFile {
  return {
    file, case: "fitness", input: "members",
    columns: Object.fromEntries(Object.values(gymHeaders).map(([header, role]) => [header, {role, label: {en: header, ru: header}}]))
  };
}

/** Seed header → [other English header, role]. */
export const logHeaders: Record<string, [string, string]> = {
  date: ["created_at", "date"],
  customer_id: ["client", "customerId"],
  order_id: ["order_no", "orderId"],
  product: ["item", "product"],
  quantity: ["qty", "quantity"],
  price: ["unit_price", "price"]
};

export const LOG_FILE = "orders_2019.csv";

/** The order log with other headers and ISO 8601 timestamps (2018100113 → 2018-10-01T13:00:00). */
export function isoLogCsv(): string {
  const text = readFileSync(join(datasets, "ecommerce", "ecom_dataset_upd.csv"), "utf8");
  const [header, ...rest] = text.split("\n");
  const names = header.trim().split(",").map((h) => logHeaders[h][0]);
  const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(8, 10)}:00:00`;
  return [names.join(","), ...rest.map((line) => line.replace(/^(\d{10}),/, (_, d: string) => `${iso(d)},`))].join("\n");
}

export function logMapping(file = LOG_FILE): MappedFile {
  return {file, case: "ecommerce", input: "order_lines", columns: Object.fromEntries(Object.values(logHeaders).map(([header, role]) => [header, {role}]))};
}

/** A fresh folder holding the given files and, unless null, the mapping. */
export function exportFolder(files: Record<string, string | Buffer>, mapping: Mapping | string | null): string {
  const dir = mkdtempSync(join(tmpdir(), "clientele-exports-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  if (mapping !== null) writeFileSync(join(dir, MAPPING_FILE), typeof mapping === "string" ? mapping : JSON.stringify(mapping, null, 2));
  return dir;
}

/** One Click's four exports with English file names, headers, target and period labels (the seed's misspelt period kept misspelt). */
export const oneClickFiles: {seed: string; file: string; input: string; headers: Record<string, [string, string]>; values: Record<string, string>}[] = [
  {seed: "market_file.csv", file: "behaviour.csv", input: "market_file", values: {"Снизилась": "down", "Прежний уровень": "same"}, headers: {
    "id": ["customer", "id"], "Покупательская активность": ["activity", "activity"], "Тип сервиса": ["tier", "serviceType"],
    "Разрешить сообщать": ["may_contact", "marketingConsent"], "Маркет_актив_6_мес": ["contacts_6m", "marketingContacts6m"],
    "Маркет_актив_тек_мес": ["contacts_now", "marketingContactsCurrent"], "Длительность": ["days_registered", "tenureDays"],
    "Акционные_покупки": ["promo_share", "promoShare"], "Популярная_категория": ["top_category", "favouriteCategory"],
    "Средний_просмотр_категорий_за_визит": ["categories_per_visit", "categoriesPerVisit"],
    "Неоплаченные_продукты_штук_квартал": ["unpaid_items", "unpaidItemsQuarter"], "Ошибка_сервиса": ["errors", "serviceErrors"],
    "Страниц_за_визит": ["pages_per_visit", "pagesPerVisit"]}},
  {seed: "market_money.csv", file: "revenue.csv", input: "market_money", values: {"препредыдущий_месяц": "two months ago", "предыдущий_месяц": "last month", "текущий_месяц": "this month"},
    headers: {"id": ["customer", "id"], "Период": ["month", "period"], "Выручка": ["revenue", "revenue"]}},
  {seed: "market_time.csv", file: "minutes.csv", input: "market_time", values: {"предыдцщий_месяц": "last mnth", "текущий_месяц": "this month"},
    headers: {"id": ["customer", "id"], "Период": ["month", "period"], "минут": ["minutes", "minutes"]}},
  {seed: "money.csv", file: "profit.csv", input: "money", values: {}, headers: {"id": ["customer", "id"], "Прибыль": ["profit", "profit"]}}
];

/** The four files as text, and their mapping (target and period labels given their meaning). */
export function englishOneClick(): {files: Record<string, string>; mapping: MappedFile[]} {
  const files: Record<string, string> = {};
  const mapping: MappedFile[] = [];
  for (const f of oneClickFiles) {
    let text = readFileSync(join(datasets, "one-click", f.seed), "utf8");
    const [header, ...rest] = text.split("\n");
    const sep = header.includes(";") ? ";" : ",";
    const values = (line: string) => line.split(sep).map((v) => f.values[v] ?? v).join(sep);
    text = [header.trim().split(sep).map((h) => f.headers[h][0]).join(sep), ...rest.map(values)].join("\n");
    files[f.file] = text;
    const meaning: Record<string, Record<string, string>> = {
      activity: {down: "declined", same: "unchanged"},
      period: {"two months ago": "before_previous", "last month": "previous", "this month": "current"}
    };
    mapping.push({file: f.file, case: "one-click", input: f.input, columns: Object.fromEntries(Object.values(f.headers).map(([h, role]) => [h, {role, ...(meaning[role] ? {values: meaning[role]} : {})}]))});
  }
  return {files, mapping};
}
