/**
 * The fitness case as a churn-table template: a member table with other headers, fewer roles and
 * columns of its own, mapped by clientele-mapping.json.
 * - The real export reduced and renamed inside the test (written to a temp dir, never committed):
 *   `;` separated, decimal commas, a yes/no target, four of the thirteen roles, a name column left
 *   out, and three extra features (age as an integer, phone as a flag, a three-level "club" derived
 *   from two columns the table no longer has). Golden values from pandas, scikit-learn, scipy and
 *   statsmodels (tests/golden/fitness_mapped.py → fitness-mapped.json): the club's one-hot
 *   columns, its chi-square test against churn, and the odds ratios with the club's first level as
 *   the reference.
 * - The design matrix one-hot encodes a categorical extra column (no real data needed).
 * - A member missing an extra feature's value is left out of modelling, counted and explained.
 */
import {after, before, describe, test} from "node:test";
import assert from "node:assert/strict";
import {tr} from "../../src/components/i18n.ts";
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {run} from "../../loaders/cases/fitness.ts";
import {loadFitness} from "../../loaders/clean/fitness.ts";
import {design, fitnessFeatures, memberColumns, type FitnessMember} from "../../loaders/cases/fitness/features.ts";
import {caseInput} from "../../loaders/inputs/resolve.ts";
import {MAPPING_FILE} from "../../loaders/inputs/mapping.ts";
import {fitnessSchema} from "../../loaders/io/schemas/fitness.ts";
import type {ColumnSpec} from "../../loaders/io/schema.ts";
import type {RecommendationsReport} from "../../loaders/cases/fitness/recommendations.ts";
import type {HypothesisReport, ModelReport, ExplorationReport} from "../../loaders/analysis/types.ts";
import type {QualityArtifact} from "../../loaders/quality/artifact.ts";
import {datasets, realDataSkip} from "../real-data.ts";
import {readSettings} from "../../loaders/settings.ts";

const realSkip = realDataSkip("fitness/gym_churn_us.csv");
const golden = JSON.parse(readFileSync(new URL("../golden/fitness-mapped.json", import.meta.url), "utf8"));

function close(actual: number, expected: number, tol: number, what: string) {
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs reference ${expected} (tolerance ${tol})`);
}

/** The club rule of tests/golden/fitness_mapped.py. */
const clubOf = (near: string, group: string) => (near === "0" ? "Airport" : group === "1" ? "Centre" : "Riverside");

/** The real member table as another club might export it: other headers, `;`, decimal commas, yes/no, fewer columns. */
function reducedExport(csv: string): string {
  const [head, ...lines] = csv.trim().split(/\r?\n/);
  const index = new Map(head.split(",").map((h, j) => [h, j]));
  const rows = lines.map((line, i) => {
    const v = line.split(",");
    const get = (name: string) => v[index.get(name)!];
    return [`Member ${i + 1}`, get("Churn") === "1" ? "yes" : "no", get("Partner"), get("Avg_additional_charges_total").replace(".", ","),
      get("Lifetime"), get("Avg_class_frequency_total").replace(".", ","), get("Age"), get("Phone"), clubOf(get("Near_Location"), get("Group_visits"))].join(";");
  });
  return ["Member name;Left;Partner staff;Extras spend;Tenure;Weekly visits;Age;Has phone;Club", ...rows].join("\n") + "\n";
}

const mapping = {
  files: [{
    file: "exports/members_2024.csv", case: "fitness", input: "members",
    columns: {
      "Member name": {role: "ignore", why: "personal data (names)"},
      "Left": {role: "churn", label: {en: "Left the club"}, values: {yes: "1", no: "0"}},
      "Partner staff": {role: "partner", label: {en: "Works at a partner company"}},
      "Extras spend": {role: "additionalCharges"},
      "Tenure": {role: "lifetime", label: {en: "Tenure (months)", ru: "Стаж (мес.)"}},
      "Weekly visits": {role: "classFrequencyTotal", label: {en: "Weekly visits (average)"}},
      "Age": {role: "feature", type: "integer", label: {en: "Age of member"}},
      "Has phone": {role: "feature", type: "flag", label: {en: "Phone on record"}},
      "Club": {role: "feature", type: "category", label: {en: "Home club"}}
    }
  }]
};

describe("fitness on the real export, reduced and renamed through a mapping", {skip: realSkip}, () => {
  let dir: string;
  let artifacts: Record<string, unknown>;
  let model: ModelReport & {lateSignal: unknown};
  let rec: RecommendationsReport;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "clientele-fitness-mapped-"));
    mkdirSync(join(dir, "exports"));
    writeFileSync(join(dir, "exports", "members_2024.csv"), reducedExport(readFileSync(join(datasets, "fitness", "gym_churn_us.csv"), "utf8")));
    writeFileSync(join(dir, MAPPING_FILE), JSON.stringify(mapping, null, 1));
    artifacts = await run(caseInput(dir, "fitness"), {...readSettings({}), dataDir: dir});
    model = artifacts["model.json"] as typeof model;
    rec = artifacts["recommendations.json"] as RecommendationsReport;
  });
  after(() => rmSync(dir, {recursive: true, force: true}));

  const fields = ["partner", "additionalCharges", "lifetime", "classFrequencyTotal", "extra_age", "extra_has_phone", "extra_club=Airport", "extra_club=Centre", "extra_club=Riverside"];

  test("reads every member and the yes/no target: 4,000 members, the same churners as the seed table", () => {
    const s = artifacts["summary.json"] as {members: number; churned: number};
    assert.equal(s.members, golden.n);
    assert.equal(s.churned, golden.positives);
    const q = artifacts["quality.json"] as QualityArtifact;
    assert.doesNotMatch(JSON.stringify(q), /drop-missing-features/);
  });

  test("features are the mapped columns, labelled from the mapping; the club is one-hot encoded as scikit-learn's OneHotEncoder does", () => {
    assert.deepEqual(model.features.map((f) => f.feature), fields);
    assert.deepEqual(golden.clubColumns.map((c: string) => `extra_club=${c}`), fields.slice(6));
    assert.deepEqual(model.features.map((f) => tr(f.label, "en")), [
      "Works at a partner company", "Extra-services spend (avg, currency units)", "Tenure (months)", "Weekly visits (average)",
      "Age of member", "Phone on record", "Home club: Airport", "Home club: Centre", "Home club: Riverside"
    ]);
    // Russian: the mapping's label.ru, else the template's Russian label, else the export's header.
    assert.deepEqual(model.features.map((f) => tr(f.label, "ru")), [
      "Сотрудник компании-партнёра", "Траты на доп. услуги (в среднем, ден. ед.)", "Стаж (мес.)", "Посещений в неделю (за всё время)",
      "Age", "Has phone", "Club: Airport", "Club: Centre", "Club: Riverside"
    ]);
    const ex = artifacts["exploration.json"] as ExplorationReport;
    const centre = ex.distributions.find((d) => d.feature === "extra_club=Centre")!;
    assert.equal(centre.kind, "binary");
    const yes = centre.levels!.find((l) => l.level === "1")!;
    close(yes.rate, golden.clubChurn.Centre, 1e-12, "churn rate at the Centre club");
    assert.doesNotMatch(JSON.stringify(artifacts), /Member 1\b/, "no value of the name column left out by the mapping reaches an artifact");
  });

  test("odds ratios: statsmodels' Logit with the club's first level as the reference", () => {
    assert.ok(golden.maxAbsR < 0.8, "no collinear pair: only the reference level is left out");
    const dropped = model.interpretation!.dropped;
    assert.deepEqual(dropped.map((d) => d.feature), ["extra_club=Airport"]);
    assert.match(tr(dropped[0].reason, "en"), /reference level of home club/);
    assert.equal(tr(dropped[0].reason, "ru"), "Club: Airport — опорный уровень признака «Club»: отношения шансов остальных его уровней сравнивают каждый уровень с ним.");
    assert.deepEqual(model.oddsRatios!.map((o) => o.feature), fields.filter((f) => f !== "extra_club=Airport"));
    assert.ok(golden.odds.converged);
    model.oddsRatios!.forEach((o, j) => {
      close(o.coef, golden.odds.coef[j], 1e-6, `coefficient of ${o.feature}`);
      close(Math.log(o.lo), golden.odds.lo[j], 1e-6, `lower 95% limit of ${o.feature}`);
      close(Math.log(o.hi), golden.odds.hi[j], 1e-6, `upper 95% limit of ${o.feature}`);
    });
  });

  test("hypotheses: the template's questions for the roles present, one per extra column; the club by scipy's chi-square", () => {
    const h = artifacts["hypotheses.json"] as HypothesisReport & {tests: {field: string; question: string}[]};
    assert.deepEqual(h.tests.map((t) => t.field), ["classFrequencyTotal", "lifetime", "additionalCharges", "partner", "extra_age", "extra_has_phone", "extra_club"]);
    assert.deepEqual(h.tests.map((t) => tr(t.variable, "en")), ["Weekly visits (average)", "Tenure (months)", "Extra-services spend", "Works at a partner company", "Age of member", "Phone on record", "Home club"]);
    const club = h.tests.find((t) => t.field === "extra_club")!;
    assert.equal(tr(club.question, "en"), "Does churn differ by home club?");
    assert.equal(tr(club.question, "ru"), "Различается ли отток по признаку «Club»?");
    close(club.statistic, golden.chi2.statistic, 1e-9, "chi-square of club × churn");
    assert.equal(club.df, golden.chi2.dof);
    close(Math.log(club.pValue), Math.log(golden.chi2.p), 1e-6, "log p-value of club × churn");
    assert.deepEqual(h.correctionName, {en: "Holm", ru: "Холма"});
  });

  test("recommendations: no action needs a lever that was not mapped, and the page's artifact says which column would enable each", () => {
    assert.deepEqual(rec.unavailable.map((u) => u.id), ["longer-contract", "group-classes", "friend-promo", "visit-drop", "renewal"]);
    assert.equal(rec.unavailable[0].text.en, "No contract-length column (role \"contractPeriod\") was mapped, so longer contracts cannot be recommended.");
    assert.equal(rec.unavailable[0].text.ru, "Не сопоставлен столбец срока абонемента (роль «contractPeriod»), поэтому нельзя рекомендовать более длинные абонементы.");
    assert.deepEqual(rec.unavailable.find((u) => u.id === "visit-drop")!.missing.map((m) => m.role), ["classFrequencyCurrentMonth"]);
    assert.deepEqual(rec.unavailable.find((u) => u.id === "renewal")!.missing.map((m) => m.role), ["contractPeriod", "monthsToEndOfContract"]);
    const ids = new Set(rec.unavailable.map((u) => u.id));
    assert.ok(rec.actions.every((a) => !ids.has(a.id)), `actions: ${rec.actions.map((a) => a.id).join(", ")}`);
    assert.ok(rec.actions.length > 0, "the levers mapped (lifetime: onboarding) and loyalty still give actions");
    assert.equal(rec.lateWarning, null);
    assert.equal(model.lateSignal, null);
  });

  test("the model still ranks the drivers", () => {
    assert.deepEqual(model.importance.map((r) => r.feature).sort(), [...fields].sort());
    const s = artifacts["summary.json"] as {drivers: {feature: string}[]};
    assert.equal(s.drivers[0].feature, "lifetime", "tenure is the strongest driver (largest |coefficient| in statsmodels' fit)");
    assert.ok(model.test.auc.value > 0.9, `test ROC-AUC ${model.test.auc.value}`);
  });
});

describe("a categorical extra column", () => {
  const columns: ColumnSpec[] = [
    {...fitnessSchema.files[0].columns.find((c) => c.target)!, source: "Left"},
    {source: "Club", field: "extra_club", label: "Home club", type: "category", extra: true, required: false},
    {source: "Visits", field: "extra_visits", label: "Visits", type: "number", extra: true, required: false}
  ];
  const members = [
    {line: 2, churn: 1, extra_club: "b", extra_visits: 3},
    {line: 3, churn: 0, extra_club: "a", extra_visits: 5},
    {line: 4, churn: 0, extra_club: "c", extra_visits: 1},
    {line: 5, churn: 1, extra_club: "a", extra_visits: 2}
  ] as FitnessMember[];

  test("is one-hot encoded in the design matrix: one 0/1 column per level, levels sorted", () => {
    const spec = fitnessFeatures(memberColumns(columns), {extra_club: ["a", "b", "c"]});
    assert.deepEqual(spec.features.map((f) => f.field), ["extra_club=a", "extra_club=b", "extra_club=c", "extra_visits"]);
    assert.deepEqual(spec.features.map((f) => f.kind), ["binary", "binary", "binary", "continuous"]);
    const {X, y} = design(members, spec.features);
    assert.deepEqual(X, [[0, 1, 0, 3], [1, 0, 0, 5], [0, 0, 1, 1], [1, 0, 0, 2]]);
    assert.deepEqual(y, [1, 0, 0, 1]);
    // The hypothesis compares the column itself (one chi-square over its levels), not its dummies.
    assert.deepEqual(spec.hypotheses.map((h) => [h.field, h.kind]), [["extra_club", "categorical"], ["extra_visits", "continuous"]]);
  });
});

describe("a member missing an extra feature's value", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "clientele-fitness-missing-"));
    const rows = Array.from({length: 40}, (_, i) => `${i % 3 === 0 ? "да" : "нет"},${i === 7 ? "" : 20 + i},${["A", "B"][i % 2]}`);
    writeFileSync(join(dir, "clients.csv"), ["Отток,Возраст,Клуб", ...rows].join("\n") + "\n");
    writeFileSync(join(dir, MAPPING_FILE), JSON.stringify({files: [{file: "clients.csv", case: "fitness", input: "members", columns: {
      "Отток": {role: "churn", values: {"да": "1", "нет": "0"}},
      "Возраст": {role: "feature", type: "integer", label: {en: "Age"}},
      "Клуб": {role: "feature", type: "category", label: {en: "Club"}}
    }}]}));
  });
  after(() => rmSync(dir, {recursive: true, force: true}));

  test("is left out of modelling, and the data-quality report counts and explains it", async () => {
    const {members, columns, quality} = await loadFitness(caseInput(dir, "fitness"));
    assert.equal(members.length, 39);
    assert.ok(!members.some((m) => m.line === 9), "line 9 (the 8th member) has no age");
    assert.deepEqual(columns.map((c) => [c.kind, c.label]), [["continuous", "Age"], ["categorical", "Club"]]);
    assert.equal(members.filter((m) => m.churn === 1).length, 14);
    const repair = quality.repairs.find((r) => r.id === "drop-missing-features")!;
    assert.equal(repair.rows, 1);
    assert.deepEqual(quality.counts.flow.map((f) => f.rows), [40, 40, 39, 39]);
  });
});

/** A folder holding one member export and its mapping; removed after the test. */
function exportDir(t: {after: (fn: () => void) => void}, csv: string, columns: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "clientele-fitness-"));
  t.after(() => rmSync(dir, {recursive: true, force: true}));
  writeFileSync(join(dir, "clients.csv"), csv);
  writeFileSync(join(dir, MAPPING_FILE), JSON.stringify({files: [{file: "clients.csv", case: "fitness", input: "members", columns}]}));
  return dir;
}

/** A small member table: churn follows tenure; `extra(i)` gives each row's further columns. */
function members(n: number, header: string, extra: (i: number) => string): string {
  return [`Left,Tenure,${header}`, ...Array.from({length: n}, (_, i) => `${i % 3 === 0 ? 1 : 0},${i % 4},${extra(i)}`)].join("\n") + "\n";
}

describe("mapped member tables the template must not misread", () => {
  test("rows alike in every mapped column are kept when the export has columns the mapping leaves out, removed when it has none", async (t) => {
    // Rows 12 apart share Left, Tenure and Club; only the name tells them apart.
    const csv = members(26, "Club,Name", (i) => `${["A", "B"][i % 2]},Member ${i}`);
    const mapped = {Left: {role: "churn"}, Tenure: {role: "lifetime"}, Club: {role: "feature", type: "category"}};
    const withName = await loadFitness(caseInput(exportDir(t, csv, {...mapped, Name: {role: "ignore"}}), "fitness"));
    assert.equal(withName.members.length, 26);
    assert.equal(withName.quality.repairs.some((r) => r.id === "drop-exact-duplicates"), false);
    assert.match(withName.quality.findings.find((f) => f.kind === "exact-duplicate")!.summary.en, /kept, because the export's 1 other column/);
    const noName = await loadFitness(caseInput(exportDir(t, csv.replace(/,Name\n/, "\n").replace(/,Member \d+/g, ""), mapped), "fitness"));
    assert.ok(noName.members.length < 26, "whole rows repeated are counted once");
    assert.equal(noName.quality.repairs.find((r) => r.id === "drop-exact-duplicates")!.rows, 26 - noName.members.length);
  });

  test("a table mapped with the target alone is an error naming the mapping entry", async (t) => {
    const dir = exportDir(t, members(10, "Notes", (i) => `note ${i}`), {Left: {role: "churn"}, Tenure: {role: "ignore"}, Notes: {role: "ignore"}});
    await assert.rejects(loadFitness(caseInput(dir, "fitness")), (e: Error & {problems?: {column?: string; expected: string}[]}) => {
      assert.equal(e.problems?.[0].column, "files[0].columns");
      assert.match(tr(e.problems![0].expected, "en"), /at least one feature column/);
      return true;
    });
  });

  test("a text column mapped as a feature is an error naming the mapping entry", async (t) => {
    const dir = exportDir(t, members(10, "Notes", (i) => `note ${i}`), {Left: {role: "churn"}, Tenure: {role: "lifetime"}, Notes: {role: "feature", type: "text"}});
    await assert.rejects(loadFitness(caseInput(dir, "fitness")), (e: Error & {problems?: {column?: string; expected: string}[]}) => {
      assert.equal(e.problems?.[0].column, "files[0].columns[\"Notes\"].type");
      assert.match(tr(e.problems![0].expected, "en"), /flag, number, integer or category/);
      return true;
    });
  });

  test("a category feature with more values than a feature can have is an error naming the column and the entry", async (t) => {
    const dir = exportDir(t, members(40, "Card", (i) => `card-${i}`), {Left: {role: "churn"}, Tenure: {role: "lifetime"}, Card: {role: "feature", type: "category"}});
    await assert.rejects(loadFitness(caseInput(dir, "fitness")), (e: Error & {problems?: {column?: string; expected: string; found: string}[]}) => {
      assert.equal(e.problems?.[0].column, "Card");
      assert.match(tr(e.problems![0].expected, "en"), /at most 20 different values .*files\[0\]\.columns\["Card"\]/);
      assert.deepEqual(e.problems![0].found, {en: "40 different values", ru: "40 разных значений"});
      return true;
    });
  });

  test("a column with one value for every member is left out of the features and said so; the rest is analysed", async (t) => {
    const dir = exportDir(t, members(300, "Club,Phone,Spend", (i) => `${["A", "B", "C"][i % 3]},1,${(i * 0.37).toFixed(2)}`),
      {Left: {role: "churn"}, Tenure: {role: "lifetime"}, Club: {role: "feature", type: "category"}, Phone: {role: "phone"}, Spend: {role: "feature", type: "number"}});
    const artifacts = await run(caseInput(dir, "fitness"), {...readSettings({}), dataDir: dir});
    const ex = artifacts["exploration.json"] as ExplorationReport & {constant: {feature: string; value: string}[]};
    assert.deepEqual(ex.constant.map((c) => [c.feature, c.value]), [["phone", "1"]]);
    const model = artifacts["model.json"] as ModelReport;
    assert.deepEqual(model.features.map((f) => f.feature), ["lifetime", "extra_club=A", "extra_club=B", "extra_club=C", "extra_spend"]);
    const h = artifacts["hypotheses.json"] as HypothesisReport & {tests: {field: string}[]};
    assert.deepEqual(h.tests.map((x) => x.field), ["lifetime", "extra_club", "extra_spend"]);
  });
});
