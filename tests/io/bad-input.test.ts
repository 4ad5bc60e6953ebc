/**
 * The bad-input corpus (tests/fixtures/bad-input): every malformed export gives its exact expected
 * error or repair, and none crashes with a stack trace — also when run as a Framework data loader.
 */
import {test} from "node:test";
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";
import {readdirSync} from "node:fs";
import {join, resolve} from "node:path";
import {loadFitness} from "../../loaders/clean/fitness.ts";
import {loadOneClick} from "../../loaders/clean/one-click.ts";
import {loadEcommerce} from "../../loaders/clean/ecommerce.ts";
import {formatProblem, isDataError} from "../../loaders/io/problems.ts";
import type {QualityReport} from "../../loaders/quality/types.ts";
import {expected} from "../fixtures/expected.ts";
import {caseInput} from "../../loaders/inputs/resolve.ts";
import {qualityArtifact} from "../../loaders/quality/artifact.ts";

const root = resolve("tests/fixtures/bad-input");
const loaders = {"fitness": loadFitness, "one-click": loadOneClick, "ecommerce": loadEcommerce};
type Loaded = {quality: QualityReport} & Record<string, unknown>;

test("the corpus holds at least 20 malformed exports, each with an expectation", () => {
  const folders = readdirSync(root).sort();
  assert.ok(folders.length >= 20, `${folders.length} fixtures`);
  assert.deepEqual(folders, Object.keys(expected).sort());
});

for (const [name, want] of Object.entries(expected)) {
  test(`fixture ${name}`, async () => {
    const dir = join(root, name);
    const load = loaders[want.case] as (dir: string) => Promise<Loaded>;
    if (want.errors) {
      await assert.rejects(load(dir), (error: unknown) => {
        assert.ok(isDataError(error), `not a DataError: ${String(error)}`);
        const lines = error.problems.filter((p) => p.severity === "error").map(formatProblem);
        assert.deepEqual(lines, want.errors!.map((l) => l.replaceAll("{dir}", join(dir, want.case))));
        return true;
      });
      return;
    }
    const {quality} = await load(dir);
    assert.deepEqual(quality.problems.filter((p) => p.severity === "warning").map(formatProblem), want.warnings ?? []);
    assert.deepEqual(Object.fromEntries(quality.repairs.filter((r) => r.rows > 0).map((r) => [r.id, r.rows])), want.repairs ?? {});
    assert.deepEqual(quality.findings.filter((f) => f.rows > 0).map((f) => [f.kind, f.field ?? null, f.rows]), want.findings ?? []);
    assert.deepEqual(Object.fromEntries(quality.exclusions.filter((e) => e.rows > 0).map((e) => [e.id, e.rows])), want.exclusions ?? {});
  });
}

test("values survive every dialect: Windows-1251, BOM + tab, semicolons with decimal commas, Parquet", async () => {
  const cp = await loadOneClick(join(root, "windows-1251"));
  assert.equal(cp.quality.files[0].dialect?.encoding, "windows-1251");
  assert.deepEqual(cp.customers.map((c) => [c.activity, c.favouriteCategory]), [
    ["declined", "Kids' goods"], ["unchanged", "Home textiles"], ["declined", "Kitchenware"], ["unchanged", "Cosmetics and accessories"]
  ]);
  const bom = await loadOneClick(join(root, "bom-tab-separated"));
  assert.deepEqual({bom: bom.quality.files[1].dialect?.bom, sep: bom.quality.files[1].dialect?.separator}, {bom: true, sep: "\t"});
  assert.deepEqual(bom.revenue.slice(0, 3).map((r) => [r.id, r.period, r.revenue]), [[100001, "before_previous", 4400.5], [100001, "previous", 4500], [100001, "current", 4600.5]]);
  const semi = await loadOneClick(join(root, "semicolon-decimal-comma"));
  assert.deepEqual({sep: semi.quality.files[1].dialect?.separator, decimal: semi.quality.files[1].dialect?.decimal}, {sep: ";", decimal: ","});
  assert.deepEqual(semi.revenue.map((r) => r.revenue), bom.revenue.map((r) => r.revenue));
  assert.deepEqual(semi.profit.map((p) => p.profit), [3.1, 4.11, 5.12, 6.13]);
  const pq = await loadEcommerce(join(root, "parquet-export"));
  assert.equal(pq.quality.files[0].format, "parquet");
  assert.deepEqual(pq.lines.map((l) => [l.line, l.time, l.quantity]), [
    // Line 3 is logged again at line 6 (a later hour): the later version is kept, dated when first ordered.
    [1, "2018-10-01T00:00:00", 1], [2, "2018-10-01T00:00:00", 1], [4, "2018-10-01T15:00:00", 1], [5, "2018-10-02T12:00:00", 3], [6, "2018-10-01T08:00:00", 2]
  ]);
});

test("repairs change exactly the rows they count", async () => {
  const spelt = await loadOneClick(join(root, "misspelt-labels"));
  assert.deepEqual(spelt.customers.map((c) => c.serviceType), ["premium", "standard", "standard", "premium"]);
  assert.deepEqual([...new Set(spelt.minutes.map((m) => m.period))].sort(), ["current", "previous"]);
  const look = await loadOneClick(join(root, "lookalike-label"));
  assert.equal(look.customers[2].serviceType, "standard");
  const missing = await loadOneClick(join(root, "id-missing-in-other-file"));
  assert.deepEqual([missing.customers.length, missing.modelling.length, missing.revenue.length], [4, 3, 12]);
  assert.deepEqual(missing.customers.filter((c) => c.excluded).map((c) => [c.id, c.excluded, c.profit]), [[100004, "incomplete", null]]);
  const dup = await loadFitness(join(root, "duplicate-rows"));
  assert.deepEqual(dup.members.map((m) => m.line), [2, 3, 4, 5, 6, 7, 8]);
  const cut = await loadFitness(join(root, "truncated-last-line"));
  assert.equal(cut.members.length, 7);
});

test("text holding HTML stays text, byte for byte", async () => {
  const {lines, quality} = await loadEcommerce(join(root, "html-in-text"));
  assert.equal(lines.at(-1)!.product, '<script>alert("x")</script> Ваза <b>стеклянная</b>');
  assert.equal(quality.findings.find((f) => f.kind === "markup")!.examples[0].found, '<script>alert("x")</script> Ваза <b>стеклянная</b>');
});

function runEntry(caseId: string, fixture: string, lang = "") {
  const run = spawnSync(process.execPath, ["--import", "tsx", `src/data/${caseId}.tar.ts`], {
    env: {...process.env, DATA_DIR: join(root, fixture), CLIENTELE_CUSTOMER_ROWS: "", CLIENTELE_LANG: lang}
  });
  return {status: run.status, stdout: run.stdout, stderr: run.stderr.toString("utf8")};
}

for (const name of ["missing-column", "invalid-utf8", "unbalanced-quotes", "single-class-target"]) {
  test(`loader entry on ${name} exits 1 with the message, no stack trace`, () => {
    const want = expected[name];
    const run = runEntry(want.case, name);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stdout.length, 0);
    const lines = run.stderr.trimEnd().split("\n");
    assert.equal(lines[0], `The ${want.case} exports in ${join(root, name, want.case)} cannot be used (1 problem):`);
    assert.deepEqual(lines.slice(1), want.errors!.map((l) => `  - ${l}`));
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });
}

test("with CLIENTELE_LANG=ru a build error is in Russian: the context, where, what was expected and found, the hint", () => {
  const missing = runEntry("fitness", "missing-column", "ru");
  assert.equal(missing.status, 1, missing.stderr);
  const [head, line] = missing.stderr.trimEnd().split("\n");
  assert.equal(head, `Выгрузки кейса fitness в ${join(root, "missing-column", "fitness")} нельзя использовать (1 проблема):`);
  assert.match(line, /^ {2}- gym_churn_us\.csv, строка 1, столбец «Age» — ожидалось: столбец "Age" \(Возраст\); найдено: такого столбца нет\. Подсказка: в заголовке: "gender", /);
  const headerOnly = runEntry("fitness", "header-only", "ru");
  assert.match(headerOnly.stderr, /gym_churn_us\.csv, строка 2 — ожидалось: хотя бы одна строка данных; найдено: только строка заголовка\. Подсказка: в выгрузке нет записей; выгрузите её заново/);
  const label = runEntry("one-click", "unknown-label", "ru");
  assert.match(label.stderr, /market_file\.csv, строка 3, столбец «Тип сервиса» — ожидалось: одно из значений "премиум", "стандарт"; найдено: "vip"\. Подсказка: добавьте метку в схему/);
  // no English word of the message's own (quoted values are the export's headers and labels; the fixture's path is a name)
  for (const run of [missing, headerOnly, label]) assert.doesNotMatch(run.stderr.replace(/\S*\/\S*/g, "").replace(/"[^"]*"/g, ""), /\b(expected|found|Hint|line|column|cannot)\b/);
});

test("loader entry on a log too small to analyse exits 1 with the reason", () => {
  const run = runEntry("ecommerce", "html-in-text");
  assert.equal(run.status, 1, run.stderr);
  assert.equal(run.stderr.trimEnd(), "The e-commerce order log is too small to analyse (1 problem):\n  - ecom_dataset_upd.csv: expected orders of at least 30 customers to profile and plan mailings, found 3 customers after cleaning. Hint: export the whole order log, not a sample");
});

test("the quality artifact keeps HTML as a string and leaves ids out", async () => {
  const input = caseInput(join(root, "html-in-text"), "ecommerce");
  const artifact = qualityArtifact((await loadEcommerce(input)).quality, input, {customerRows: false});
  assert.equal(artifact.findings.find((f) => f.kind === "markup")!.examples[0].found, '<script>alert("x")</script> Ваза <b>стеклянная</b>');
  assert.doesNotMatch(JSON.stringify(artifact), /68481|ee47d746/, "order and customer ids are redacted");
});
