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
