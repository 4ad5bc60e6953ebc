/**
 * The mapping file on the real exports renamed inside the test: a company's own file names,
 * Russian headers, `;` and decimal commas, other English headers and ISO timestamps give the same
 * rows as the seed layout; every mapping mistake is an error naming the entry at fault.
 */
import {describe, test} from "node:test";
import assert from "node:assert/strict";
import {rmSync} from "node:fs";
import {loadFitness} from "../../loaders/clean/fitness.ts";
import {loadEcommerce} from "../../loaders/clean/ecommerce.ts";
import {caseInput, presentCaseIds, resolveInputs} from "../../loaders/inputs/resolve.ts";
import {parseMapping, type MappedFile} from "../../loaders/inputs/mapping.ts";
import {formatProblem, isDataError} from "../../loaders/io/problems.ts";
import {datasets, realDataSkip} from "../real-data.ts";
import {englishOneClick, exportFolder, GYM_FILE, gymMapping, isoLogCsv, LOG_FILE, logMapping, russianGymCsv} from "./renamed.ts";
import {loadOneClick} from "../../loaders/clean/one-click.ts";
import {customerTable, labelledFeatures} from "../../loaders/cases/one-click/features.ts";
import {exploreOneClick} from "../../loaders/cases/one-click/exploration.ts";

const gymSkip = realDataSkip("fitness/gym_churn_us.csv");
const logSkip = realDataSkip("ecommerce/ecom_dataset_upd.csv");

/** The error lines a promise rejects with (it must be a DataError). */
async function errorsOf(promise: Promise<unknown> | (() => unknown)): Promise<string[]> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    assert.ok(isDataError(error), `not a DataError: ${String(error)}`);
    return error.problems.filter((p) => p.severity === "error").map(formatProblem);
  }
  assert.fail("expected a DataError");
}

describe("the gym table under another name, in Russian, with ; and decimal commas", {skip: gymSkip}, () => {
  test("reads the same 4,000 members and 26.5 % churn as the seed file, with the export's own labels", async () => {
    const dir = exportFolder({[GYM_FILE]: russianGymCsv()}, {files: [gymMapping()]});
    assert.deepEqual(presentCaseIds(dir), ["fitness"]);
    const input = caseInput(dir, "fitness");
    assert.equal(input.files[0].columns.find((c) => c.field === "churn")!.label, "Отток");
    const renamed = await loadFitness(input);
    const seed = await loadFitness(datasets);
    assert.equal(renamed.members.length, 4000);
    assert.equal(renamed.members.reduce((s, m) => s + m.churn, 0), 1061);
    assert.deepEqual(renamed.members, seed.members);
    assert.equal(renamed.quality.files[0].file, GYM_FILE);
    assert.equal(renamed.quality.files[0].dialect?.separator, ";");
    assert.equal(renamed.quality.files[0].dialect?.decimal, ",");
    rmSync(dir, {recursive: true});
  });
});

describe("the order log with other English headers and ISO timestamps", {skip: logSkip}, () => {
  test("reads the same lines, orders and customers as the seed file", async () => {
    const dir = exportFolder({[LOG_FILE]: isoLogCsv()}, {files: [logMapping()]});
    const renamed = await loadEcommerce(dir);
    const seed = await loadEcommerce(datasets);
    assert.equal(renamed.quality.files[0].rows, 7474);
    const counts = (lines: {customerId: string; orderId: number}[]) => [lines.length, new Set(lines.map((l) => l.customerId)).size, new Set(lines.map((l) => l.orderId)).size];
    assert.deepEqual(counts(renamed.lines), counts(seed.lines));
    assert.deepEqual(renamed.lines.map((l) => l.time), seed.lines.map((l) => l.time));
    rmSync(dir, {recursive: true});
  });
});

describe("One Click's exports with English names, headers and labels", {skip: realDataSkip("one-click/market_file.csv")}, () => {
  test("give the same customers, periods and repairs as the seed exports", async () => {
    const {files, mapping} = englishOneClick();
    mapping[0].columns.tier.label = {en: "Membership tier", ru: "Уровень подписки"};
    const dir = exportFolder(files, {files: mapping});
    const renamed = await loadOneClick(dir);
    const seed = await loadOneClick(datasets);
    assert.deepEqual(renamed.modelling, seed.modelling);
    assert.deepEqual(renamed.revenue, seed.revenue);
    assert.deepEqual(renamed.quality.repairs.map((r) => [r.id, r.rows]), seed.quality.repairs.map((r) => [r.id, r.rows]));
    const misspelt = renamed.quality.repairs.find((r) => r.examples.some((e) => e.found === "last mnth"));
    assert.ok(misspelt, "the misspelt period label is repaired under its mapped name");
    assert.deepEqual(renamed.labels, {serviceType: "Membership tier"}, "the mapping's own label, and only it");
    assert.deepEqual(seed.labels, {});
    const exploration = exploreOneClick(customerTable(renamed.modelling), {vocabulary: labelledFeatures(renamed.labels)});
    assert.equal(exploration.features.find((f) => f.id === "serviceType")!.label, "Membership tier", "pages show the mapping's label");
    rmSync(dir, {recursive: true});
  });
});

describe("both exports in one flat folder", {skip: gymSkip || logSkip}, () => {
  test("hold both cases, each read from its own file", () => {
    const dir = exportFolder({[GYM_FILE]: russianGymCsv(), [LOG_FILE]: isoLogCsv()}, {files: [gymMapping(), logMapping()]});
    const inputs = resolveInputs(dir);
    assert.deepEqual(inputs.cases.map((c) => [c.id, c.files.map((f) => f.file)]), [["fitness", [GYM_FILE]], ["ecommerce", [LOG_FILE]]]);
    rmSync(dir, {recursive: true});
  });
});

describe("mapping mistakes are errors naming the entry", {skip: gymSkip}, () => {
  const gym = () => ({[GYM_FILE]: russianGymCsv()});
  const withColumns = (edit: (columns: MappedFile["columns"]) => void): MappedFile => {
    const m = gymMapping();
    edit(m.columns);
    return m;
  };

  test("a column the file does not have", async () => {
    const mapping = withColumns((c) => {
      c["Возрастт"] = c["Возраст"];
      delete c["Возраст"];
    });
    const dir = exportFolder(gym(), {files: [mapping]});
    const errors = await errorsOf(loadFitness(dir));
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^clients_export_2024\.csv, line 1, column "Возрастт": expected a column "Возрастт" \(Возраст\), found a column named "Возраст" instead\. Hint: the mapping entry files\[0\]\.columns\["Возрастт"\] names it; correct the header there \(is it "Возраст"\?\)/);
    rmSync(dir, {recursive: true});
  });

  test("target labels that are not the export's values", async () => {
    const mapping = withColumns((c) => {
      c["Отток"].values = {"да": "1", "нет": "0"};
    });
    const dir = exportFolder(gym(), {files: [mapping]});
    const errors = await errorsOf(loadFitness(dir));
    assert.deepEqual(errors, [
      'clients_export_2024.csv, line 2, column "Отток": expected one of "да", "нет", found "0" (in 2939 rows). Hint: give the value its meaning in "values" of the mapping entry files[0].columns["Отток"], or correct it in the export',
      'clients_export_2024.csv, line 9, column "Отток": expected one of "да", "нет", found "1" (in 1061 rows). Hint: give the value its meaning in "values" of the mapping entry files[0].columns["Отток"], or correct it in the export'
    ]);
    rmSync(dir, {recursive: true});
  });

  test("yes/no labels of a flag are read as 1/0 when the mapping gives them", async () => {
    const csv = russianGymCsv().replace(/;([01])\r\n/g, (_, v: string) => `;${v === "1" ? "да" : "нет"}\r\n`);
    const mapping = withColumns((c) => {
      c["Отток"].values = {"да": "1", "нет": "0"};
    });
    const dir = exportFolder({[GYM_FILE]: csv}, {files: [mapping]});
    const {members} = await loadFitness(dir);
    assert.equal(members.reduce((s, m) => s + m.churn, 0), 1061);
    assert.equal(typeof members[0].churn, "number");
    rmSync(dir, {recursive: true});
  });

  test("a file that is not there", async () => {
    const dir = exportFolder(gym(), {files: [gymMapping("exports/members.csv")]});
    assert.deepEqual(await errorsOf(() => resolveInputs(dir)), [
      `clientele-mapping.json, column "files[0].file": expected the export "exports/members.csv" in ${dir}, found no such file. Hint: correct the path (relative to DATA_DIR) or remove the entry, then run \`npm run init\` again if the exports changed`
    ]);
    assert.deepEqual(presentCaseIds(dir), [], "a faulty mapping holds no case (the build stops with the message first)");
    rmSync(dir, {recursive: true});
  });

  test("two files claiming one input", async () => {
    const dir = exportFolder({...gym(), "copy.csv": russianGymCsv()}, {files: [gymMapping(), gymMapping("copy.csv")]});
    assert.deepEqual(await errorsOf(() => resolveInputs(dir)), [
      'clientele-mapping.json, column "files[1].input": expected one file per input: files[0] is already the fitness input "members", found "copy.csv" claiming it too. Hint: keep one of the two entries, or join the files into one export'
    ]);
    rmSync(dir, {recursive: true});
  });

  test("two columns claiming one role, an unknown role, a missing target, a wrong case", () => {
    const m = gymMapping();
    m.columns["Возраст (копия)"] = {role: "age"};
    m.columns["Пол2"] = {role: "sex"};
    delete m.columns["Отток"];
    assert.deepEqual(errorsOfSync(() => parseMapping(JSON.stringify({files: [m, {...logMapping(), case: "crm"}]}))), [
      'clientele-mapping.json, column "files[0].columns["Возраст (копия)"].role": expected each role once in a file, found "age" also given to files[0].columns["Возраст"]. Hint: keep the role on one column and set the other\'s role to "ignore"',
      'clientele-mapping.json, column "files[0].columns["Пол2"].role": expected a role of fitness members (gender, nearLocation, partner, promoFriends, phone, contractPeriod, groupVisits, age, additionalCharges, monthsToEndOfContract, lifetime, classFrequencyTotal, classFrequencyCurrentMonth, churn), "feature" or "ignore", found "sex".',
      'clientele-mapping.json, column "files[0].columns": expected a column with the role "churn" (Left in the following month), found no column given that role. Hint: add "<header>": {"role": "churn"} for the export\'s column that holds it',
      'clientele-mapping.json, column "files[1].case": expected one of "fitness", "one-click", "ecommerce", "experiment", found "crm".'
    ]);
  });

  test("labels of a yes/no column given a meaning other than 1 or 0", () => {
    const m = gymMapping();
    m.columns["Отток"].values = {"да": "yes", "нет": "0"};
    assert.deepEqual(errorsOfSync(() => parseMapping(JSON.stringify({files: [m]}))), [
      'clientele-mapping.json, column "files[0].columns["Отток"].values": expected "1" or "0" for each label of a yes/no column, found "да" → "yes". Hint: write e.g. {"да": "1"} for the label that means yes'
    ]);
  });

  test("a mapping that is not valid JSON names the line", () => {
    const text = JSON.stringify({files: [gymMapping()]}, null, 2).replace('"case": "fitness",', '"case": "fitness"');
    const errors = errorsOfSync(() => parseMapping(text));
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^clientele-mapping\.json, line 6: expected valid JSON, found Expected ',' or '}' after property value/);
  });
});

function errorsOfSync(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    assert.ok(isDataError(error), `not a DataError: ${String(error)}`);
    return error.problems.filter((p) => p.severity === "error").map(formatProblem);
  }
  assert.fail("expected a DataError");
}
