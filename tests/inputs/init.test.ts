/**
 * `npm run init` (loaders/inputs/inspect.ts, guess.ts, propose.ts; scripts/init.ts) on the real
 * exports, renamed and reformatted inside the test (nothing of them is committed):
 * - the gym table as clients_export_2024.csv with Russian headers, `;` and decimal commas: every
 *   column gets its role, the target's 1/0 (and, written as да/нет, its labels) are recognised, and
 *   the mapped export reads as the seed file does (4,000 members, 1,061 left = 26.5 %, member by member);
 * - the order log with other English headers, reordered columns and ISO timestamps: mapped, and read
 *   into the same lines and customers as the seed file;
 * - One Click's four exports in English: target, service, consent and period labels placed, reads as the seed;
 *   three of the four: the case left out, the missing input named;
 * - both in one flat folder: both cases mapped; a second gym table: the better fit kept, the other named;
 * - e-mails, names, phones, addresses, a near-unique id and the outcome's date and reason are left out
 *   with the reason, a store's own category column kept as a feature;
 * - the same gym table in Windows-1251, and the order log as Parquet: mapped and read alike;
 * - the seed folder: a mapping that reads exactly as the seed layout (every case, every row);
 * - sampling: a file many times the sample size is read only up to SAMPLE_BYTES;
 * - the command's exit codes (0 with a mapping written, 2 when nothing fits).
 */
import {after, describe, test} from "node:test";
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {splitLine} from "../../loaders/io/dialect.ts";
import {literal, run, withDatabase} from "../../loaders/io/duckdb.ts";
import {proposeFolder} from "../../loaders/inputs/propose.ts";
import {inspectFile, SAMPLE_BYTES} from "../../loaders/inputs/inspect.ts";
import {MAPPING_FILE, parseMapping, type Mapping} from "../../loaders/inputs/mapping.ts";
import {caseInput, resolveInputs} from "../../loaders/inputs/resolve.ts";
import {loadFitness} from "../../loaders/clean/fitness.ts";
import {loadEcommerce} from "../../loaders/clean/ecommerce.ts";
import {loadOneClick} from "../../loaders/clean/one-click.ts";
import {datasets, realDataSkip} from "../real-data.ts";

const gymSkip = realDataSkip("fitness/gym_churn_us.csv");
const logSkip = realDataSkip("ecommerce/ecom_dataset_upd.csv");
const root = mkdtempSync(join(tmpdir(), "clientele-init-"));
after(() => rmSync(root, {recursive: true, force: true}));

function folder(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, {recursive: true});
  return dir;
}

function readCsv(file: string, sep = ","): {header: string[]; rows: string[][]} {
  const [head, ...lines] = readFileSync(join(datasets, file), "utf8").split(/\r?\n/).filter((l) => l !== "");
  return {header: splitLine(head, sep).fields, rows: lines.map((l) => splitLine(l, sep).fields)};
}

function writeCsv(path: string, header: string[], rows: string[][], sep = ","): void {
  const cell = (v: string) => (v.includes(sep) || v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v);
  writeFileSync(path, [header, ...rows].map((r) => r.map(cell).join(sep)).join("\n") + "\n");
}

/** Text in Windows-1251 (Cyrillic, Ё/ё, « and »; the rest is ASCII here). */
function windows1251(text: string): Buffer {
  const special: Record<string, number> = {"Ё": 0xa8, "ё": 0xb8, "«": 0xab, "»": 0xbb};
  return Buffer.from(Array.from(text, (ch) => {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (ch in special) return special[ch];
    throw new Error(`no Windows-1251 byte for ${ch}`);
  }));
}

/** Run init's proposal on a folder and write its mapping there; returns the mapping. */
async function init(dir: string): Promise<{mapping: Mapping; proposal: Awaited<ReturnType<typeof proposeFolder>>}> {
  const proposal = await proposeFolder(dir);
  writeFileSync(join(dir, MAPPING_FILE), JSON.stringify(proposal.mapping, null, 2));
  return {mapping: parseMapping(readFileSync(join(dir, MAPPING_FILE), "utf8")), proposal};
}

const roles = (mapping: Mapping, file: string) => Object.fromEntries(Object.entries(mapping.files.find((f) => f.file === file)!.columns).map(([h, c]) => [h, c.role]));

/** Seed header → Russian header and the role it must get. */
const russianGym: Record<string, [string, string]> = {
  gender: ["Пол", "gender"], Near_Location: ["Живёт рядом", "nearLocation"], Partner: ["Сотрудник партнёра", "partner"],
  Promo_friends: ["Акция «Приведи друга»", "promoFriends"], Phone: ["Телефон", "phone"], Contract_period: ["Срок абонемента", "contractPeriod"],
  Group_visits: ["Групповые занятия", "groupVisits"], Age: ["Возраст", "age"], Avg_additional_charges_total: ["Траты на доп. услуги", "additionalCharges"],
  Month_to_end_contract: ["Месяцев до конца абонемента", "monthsToEndOfContract"], Lifetime: ["Лайфтайм", "lifetime"],
  Avg_class_frequency_total: ["Частота посещений", "classFrequencyTotal"], Avg_class_frequency_current_month: ["Частота посещений за месяц", "classFrequencyCurrentMonth"],
  Churn: ["Отток", "churn"]
};

/** The gym table with Russian headers, `;` separators and decimal commas; `churn` rewrites the target's values. */
function writeRussianGym(path: string, churn: (v: string) => string = (v) => v): void {
  const {header, rows} = readCsv("fitness/gym_churn_us.csv");
  const target = header.indexOf("Churn");
  writeCsv(path, header.map((h) => russianGym[h][0]), rows.map((r) => r.map((v, i) => (i === target ? churn(v) : v.replace(".", ",")))), ";");
}

const seedGym = gymSkip ? null : loadFitness(join(datasets)).then((d) => d.members.map(({line: _line, ...m}) => m));

describe("init on the gym table renamed, in Russian, with ; and decimal commas", {skip: gymSkip}, () => {
  test("every column gets its role, the target's values are recognised, and it reads as the seed file", async () => {
    const dir = folder("gym-ru");
    writeRussianGym(join(dir, "clients_export_2024.csv"));
    const {mapping} = await init(dir);
    assert.equal(mapping.files.length, 1);
    assert.equal(mapping.files[0].case, "fitness");
    assert.deepEqual(roles(mapping, "clients_export_2024.csv"), Object.fromEntries(Object.values(russianGym)));
    const target = mapping.files[0].columns["Отток"];
    assert.equal(target.values, undefined, "0/1 is the flag's own form");
    assert.deepEqual(target.label, {en: "Left in the following month", ru: "Ушёл в следующем месяце"});
    const {members} = await loadFitness(caseInput(dir, "fitness"));
    assert.equal(members.length, 4000);
    assert.equal(members.filter((m) => m.churn === 1).length, 1061);
    assert.deepEqual(members.map(({line: _line, ...m}) => m), await seedGym);
  });

  test("the same export in Windows-1251 gets the same mapping and reads the same members", async () => {
    const utf8 = folder("gym-utf8");
    const cp1251 = folder("gym-cp1251");
    writeRussianGym(join(utf8, "members.csv"));
    writeFileSync(join(cp1251, "members.csv"), windows1251(readFileSync(join(utf8, "members.csv"), "utf8")));
    assert.deepEqual((await init(cp1251)).mapping, (await init(utf8)).mapping);
    const {members} = await loadFitness(caseInput(cp1251, "fitness"));
    assert.deepEqual(members.map(({line: _line, ...m}) => m), await seedGym);
  });

  test("a target written as да/нет is read as 1/0", async () => {
    const dir = folder("gym-yes-no");
    writeRussianGym(join(dir, "members.csv"), (v) => (v === "1" ? "да" : "нет"));
    const {mapping} = await init(dir);
    assert.deepEqual(mapping.files[0].columns["Отток"].values, {"да": "1", "нет": "0"});
    const {members} = await loadFitness(caseInput(dir, "fitness"));
    assert.equal(members.filter((m) => m.churn === 1).length, 1061);
  });
});

/** Seed header → other English header, in another column order; dates as ISO 8601. */
const englishLog: [string, string, string][] = [
  ["customer_id", "client", "customerId"], ["order_id", "order_no", "orderId"], ["date", "created_at", "date"],
  ["product", "item", "product"], ["quantity", "qty", "quantity"], ["price", "unit_price", "price"]
];

function writeEnglishLog(path: string): void {
  const {header, rows} = readCsv("ecommerce/ecom_dataset_upd.csv");
  const at = englishLog.map(([seed]) => header.indexOf(seed));
  const iso = (v: string) => `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}T${v.slice(8, 10)}:00:00`;
  writeCsv(path, englishLog.map(([, other]) => other), rows.map((r) => at.map((i, k) => (englishLog[k][0] === "date" ? iso(r[i]) : r[i]))));
}

describe("init on the order log with other English headers and ISO timestamps", {skip: logSkip}, () => {
  test("maps every column and reads the same lines and customers as the seed file", async () => {
    const dir = folder("log-en");
    writeEnglishLog(join(dir, "orders.csv"));
    const {mapping} = await init(dir);
    assert.deepEqual(mapping.files.map((f) => [f.case, f.input]), [["ecommerce", "order_lines"]]);
    assert.deepEqual(roles(mapping, "orders.csv"), Object.fromEntries(englishLog.map(([, h, role]) => [h, role])));
    const mapped = await loadEcommerce(caseInput(dir, "ecommerce"));
    const seed = await loadEcommerce(datasets);
    assert.equal(mapped.lines.length, seed.lines.length);
    assert.equal(new Set(mapped.lines.map((l) => l.customerId)).size, new Set(seed.lines.map((l) => l.customerId)).size);
    assert.deepEqual(mapped.lines.map((l) => l.time), seed.lines.map((l) => l.time));
  });
});

/** One Click's four exports in English: headers, target classes, service levels, consent and period labels. */
const englishOneClick: {file: string; sep: string; to: string; headers: string[]}[] = [
  {file: "market_file.csv", sep: ",", to: "behaviour.csv", headers: ["customer_id", "Purchase activity", "Service type", "Marketing consent", "Marketing activity 6 months",
    "Marketing activity current month", "Days since registration", "Promo purchases", "Popular category", "Categories per visit", "Unpaid items", "Site errors", "Pages per visit"]},
  {file: "market_money.csv", sep: ",", to: "revenue.csv", headers: ["customer_id", "period", "revenue"]},
  {file: "market_time.csv", sep: ",", to: "time_on_site.csv", headers: ["customer_id", "period", "minutes"]},
  {file: "money.csv", sep: ";", to: "profit.csv", headers: ["customer_id", "profit"]}
];
const englishLabels: Record<string, string> = {
  "Снизилась": "Declined", "Прежний уровень": "Same level", "премиум": "Premium", "стандарт": "Standard", "да": "Yes", "нет": "No",
  "препредыдущий_месяц": "2 months ago", "предыдущий_месяц": "Last month", "текущий_месяц": "This month"
};

describe("init on One Click's exports in English", {skip: realDataSkip("one-click/money.csv")}, () => {
  test("target classes, service levels, consent and period labels are placed, and the exports read as the seed files", async () => {
    const dir = folder("one-click-en");
    for (const {file, sep, to, headers} of englishOneClick) {
      const {rows} = readCsv(join("one-click", file), sep);
      writeCsv(join(dir, to), headers, rows.map((r) => r.map((v) => englishLabels[v] ?? v.replace(",", "."))));
    }
    const {mapping, proposal} = await init(dir);
    assert.deepEqual(mapping.files.map((f) => [f.file, f.input]),
      [["behaviour.csv", "market_file"], ["revenue.csv", "market_money"], ["time_on_site.csv", "market_time"], ["profit.csv", "money"]]);
    const column = (file: string, header: string) => mapping.files.find((f) => f.file === file)!.columns[header];
    assert.deepEqual(column("behaviour.csv", "Purchase activity").values, {"Declined": "declined", "Same level": "unchanged"});
    assert.deepEqual(column("revenue.csv", "period").values, {"2 months ago": "before_previous", "Last month": "previous", "This month": "current"});
    // the seed's own typos (left untranslated) go to the reader's counted repair, with the label they are near listed
    assert.deepEqual(column("time_on_site.csv", "period").values, {"This month": "current", "предыдущий_месяц": "previous"});
    assert.deepEqual(column("behaviour.csv", "Service type").values, {"Standard": "standard", "Premium": "premium", "стандарт": "standard"});
    const misspelt = proposal.placed.flatMap((p) => p.guess.columns.flatMap((c) => c.misspelt ?? []));
    assert.deepEqual(misspelt.sort(), ["предыдцщий_месяц", "стандартт"]);
    const [mapped, seed] = [await loadOneClick(caseInput(dir, "one-click")), await loadOneClick(datasets)];
    assert.deepEqual(JSON.parse(JSON.stringify({...mapped, quality: null})), JSON.parse(JSON.stringify({...seed, quality: null})));
  });
});

describe("init on a Parquet export", {skip: logSkip}, () => {
  test("the English order log as Parquet, dates as timestamps: mapped, and read into the seed's lines and customers", async () => {
    const dir = folder("log-parquet");
    writeEnglishLog(join(dir, "orders.csv"));
    await withDatabase((connection) => run(connection,
      `COPY (SELECT * REPLACE (CAST(created_at AS TIMESTAMP) AS created_at) FROM read_csv(${literal(join(dir, "orders.csv"))})) TO ${literal(join(dir, "orders.parquet"))} (FORMAT parquet)`));
    rmSync(join(dir, "orders.csv"));
    const {mapping} = await init(dir);
    assert.deepEqual(roles(mapping, "orders.parquet"), Object.fromEntries(englishLog.map(([, h, role]) => [h, role])));
    const [mapped, seed] = [await loadEcommerce(caseInput(dir, "ecommerce")), await loadEcommerce(datasets)];
    assert.equal(mapped.lines.length, seed.lines.length);
    assert.equal(new Set(mapped.lines.map((l) => l.customerId)).size, new Set(seed.lines.map((l) => l.customerId)).size);
  });
});

describe("init on one flat folder with several exports", {skip: gymSkip || logSkip}, () => {
  test("the gym table and the order log side by side: both cases mapped", async () => {
    const dir = folder("flat");
    writeRussianGym(join(dir, "clients_export_2024.csv"));
    writeEnglishLog(join(dir, "orders.csv"));
    await init(dir);
    assert.deepEqual(resolveInputs(dir).cases.map((c) => [c.id, c.files.map((f) => f.file)]),
      [["fitness", ["clients_export_2024.csv"]], ["ecommerce", ["orders.csv"]]]);
  });

  test("two gym tables: the better fit is kept and the other named", async () => {
    const dir = folder("two-gyms");
    writeRussianGym(join(dir, "ru-members.csv"));
    mkdirSync(join(dir, "sub"));
    cpSync(join(datasets, "fitness/gym_churn_us.csv"), join(dir, "sub", "gym.csv"));
    const {mapping, proposal} = await init(dir);
    assert.deepEqual(mapping.files.map((f) => f.file), ["sub/gym.csv"]);
    assert.deepEqual(proposal.displaced.map((d) => [d.file, d.kept]), [["ru-members.csv", "sub/gym.csv"]]);
  });
});

describe("init on a case with an input missing", {skip: realDataSkip("one-click/money.csv")}, () => {
  test("three of One Click's four exports: the case is left out and the missing input named", async () => {
    const dir = folder("one-click-three");
    for (const file of ["market_file.csv", "market_money.csv", "market_time.csv"]) cpSync(join(datasets, "one-click", file), join(dir, file));
    const proposal = await proposeFolder(dir);
    assert.deepEqual(proposal.mapping.files, []);
    assert.deepEqual(proposal.incomplete.map((i) => [i.case, i.lacking]), [["one-click", ["money"]]]);
  });
});

describe("init leaves out columns that must not become features", {skip: gymSkip}, () => {
  test("e-mails, names, phones, addresses, a near-unique id and the outcome's date and reason are ignored with a why", async () => {
    const dir = folder("gym-extra");
    const {header, rows} = readCsv("fitness/gym_churn_us.csv");
    const churn = header.indexOf("Churn");
    const first = ["Anna", "Boris", "Clara", "Denis", "Elena", "Fedor", "Galina"];
    const last = ["Ivanova", "Petrov", "Smith", "Jones", "Orlova", "Kuznetsov"];
    const extra = ["member_no", "Full Name", "Contact", "Mobile", "home_address", "cancellation_date", "Churn reason", "favourite_coach"];
    writeCsv(join(dir, "gym.csv"), [...header, ...extra], rows.map((r, i) => [...r,
      String(900000 + i * 7), `${first[i % 7]} ${last[i % 6]}`, `member${i}@example.com`, `+7 (9${String(i % 100).padStart(2, "0")}) 555-${String(1000 + i).slice(-4)}`,
      `${i % 90 + 1} Main Street`, r[churn] === "1" ? `2019-0${i % 9 + 1}-15` : "", r[churn] === "1" ? ["price", "moved", "schedule"][i % 3] : "",
      ["Olga", "Ivan", "Maria"][i % 3]]));
    const {mapping} = await init(dir);
    const columns = mapping.files[0].columns;
    const why = (h: string) => (assert.equal(columns[h].role, "ignore", h), columns[h].why ?? "");
    assert.match(why("member_no"), /identifier/);
    assert.match(why("Full Name"), /personal data \(names\)/);
    assert.match(why("Contact"), /personal data \(e-mails\)/);
    assert.match(why("Mobile"), /personal data \(phone/);
    assert.match(why("home_address"), /personal data \(addresses\)/);
    assert.match(why("cancellation_date"), /outcome/);
    assert.match(why("Churn reason"), /outcome/);
    assert.equal(columns.favourite_coach.role, "feature");
    assert.equal(columns.favourite_coach.type, "category");
    assert.deepEqual(columns.favourite_coach.label, {en: "Favourite coach", ru: "Favourite coach"});
    const {members} = await loadFitness(caseInput(dir, "fitness"));
    assert.equal(members.length, 4000);
  });
});

describe("init on the seed folder", {skip: gymSkip || realDataSkip("one-click/money.csv") || logSkip}, () => {
  test("its mapping reads every case exactly as the seed layout does", async () => {
    const dir = folder("seed");
    for (const id of ["fitness", "one-click", "ecommerce"]) cpSync(join(datasets, id), join(dir, id), {recursive: true});
    const {mapping, proposal} = await init(dir);
    assert.deepEqual(mapping.files.map((f) => f.file).sort(),
      ["ecommerce/ecom_dataset_upd.csv", "fitness/gym_churn_us.csv", "one-click/market_file.csv", "one-click/market_money.csv", "one-click/market_time.csv", "one-click/money.csv"]);
    assert.ok(mapping.files.every((f) => f.confidence === 1), "seed headers are the templates' own");
    assert.equal(proposal.unfitted.length + proposal.ambiguous.length + proposal.displaced.length + proposal.incomplete.length, 0);
    // the same rows and the same data-quality report, but for the file's path (relative to DATA_DIR with a mapping);
    // numbers to 12 digits, since DuckDB's parallel sums differ in the last bits from run to run even without a mapping
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x), (_, v) => (typeof v === "number" ? Number(v.toPrecision(12)) : v));
    const same = (mapped: unknown, seed: unknown, id: string) =>
      assert.deepEqual(plain(JSON.parse(JSON.stringify(mapped).replaceAll(`${id}/`, ""))), plain(seed), id);
    same(await loadEcommerce(caseInput(dir, "ecommerce")), await loadEcommerce(datasets), "ecommerce");
    same(await loadFitness(caseInput(dir, "fitness")), await loadFitness(datasets), "fitness");
    same(await loadOneClick(caseInput(dir, "one-click")), await loadOneClick(datasets), "one-click");
  });

  test("the demo data's folder is mapped file for file", async () => {
    const dir = folder("demo");
    cpSync("data", dir, {recursive: true});
    const {mapping} = await init(dir);
    // 6 exports of the first three cases and 4 of the experiment case (its plan file is JSON, not an export)
    assert.equal(mapping.files.length, 10);
    assert.ok(mapping.files.every((f) => f.file.startsWith(`${f.case}/`)), "each export goes to its own case");
    // The experiment's text roles (group, test, event, region) hold few distinct values, which init reads as a
    // category rather than text: right role, lower confidence.
    assert.ok(mapping.files.filter((f) => f.case !== "experiment").every((f) => f.confidence === 1));
    assert.ok(mapping.files.filter((f) => f.case === "experiment").every((f) => (f.confidence ?? 0) >= 0.7));
  });
});

describe("init samples", {skip: logSkip}, () => {
  test("a file many times the sample size is read only up to SAMPLE_BYTES", async () => {
    const dir = folder("big");
    const {header, rows} = readCsv("ecommerce/ecom_dataset_upd.csv");
    const path = join(dir, "big.csv");
    writeCsv(path, header, Array.from({length: 10}, () => rows).flat());
    const inspected = await inspectFile(dir, "big.csv");
    assert.ok(statSync(path).size > 10 * SAMPLE_BYTES);
    assert.equal(inspected.bytesRead, SAMPLE_BYTES);
    assert.deepEqual(inspected.columns.map((c) => c.kind), ["datetime", "uuid", "integer", "text", "integer", "integer"]);
  });
});

describe("npm run init", {skip: gymSkip}, () => {
  const cli = (dir: string, lang = "") => spawnSync(process.execPath, ["--import", "tsx", "scripts/init.ts", dir], {encoding: "utf8", env: {...process.env, CLIENTELE_LANG: lang}});

  test("writes the mapping and exits 0; exits 2 and writes nothing when no file fits a case", () => {
    const dir = folder("cli");
    writeRussianGym(join(dir, "clients_export_2024.csv"));
    const ok = cli(dir);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /clients_export_2024\.csv → fitness \/ members/);
    assert.ok(existsSync(join(dir, MAPPING_FILE)));
    const none = folder("cli-none");
    writeFileSync(join(none, "weather.csv"), "city,temperature\nOslo,3.5\nRome,17.2\n");
    const nothing = cli(none);
    assert.equal(nothing.status, 2);
    assert.match(nothing.stdout, /weather\.csv fits no case/);
    assert.ok(!existsSync(join(none, MAPPING_FILE)));
  });

  test("speaks Russian with CLIENTELE_LANG=ru: the report, the reasons in the mapping, the errors", () => {
    const dir = folder("cli-ru");
    const {header, rows} = readCsv("fitness/gym_churn_us.csv");
    writeCsv(join(dir, "gym.csv"), [...header, "Full Name"], rows.map((r, i) => [...r, `${["Anna", "Boris", "Clara"][i % 3]} ${["Ivanova", "Petrov"][i % 2]}`]));
    const ok = cli(dir, "ru");
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^gym\.csv → fitness \/ members \(клиенты\), уверенность 100 %$/m);
    assert.match(ok.stdout, /^ {4}не используется "Full Name": персональные данные \(имена\)$/m);
    assert.match(ok.stdout, /Записан .*: проверьте его/);
    // no English word of init's own (the headers, roles, file names and the mapping's keys are the export's and the template's)
    assert.doesNotMatch(ok.stdout, /\b(confidence|left out|values:|unsure|Wrote|check|fits|personal data)\b/);
    assert.equal(JSON.parse(readFileSync(join(dir, MAPPING_FILE), "utf8")).files[0].columns["Full Name"].why, "персональные данные (имена)");
    const none = folder("cli-ru-none");
    writeFileSync(join(none, "weather.csv"), "city,temperature\nOslo,3.5\nRome,17.2\n");
    const nothing = cli(none, "ru");
    assert.equal(nothing.status, 2);
    assert.match(nothing.stdout, /weather\.csv не подходит ни к одному кейсу/);
    assert.match(nothing.stderr, /Ни один файл не подошёл к шаблону кейса/);
  });
});
