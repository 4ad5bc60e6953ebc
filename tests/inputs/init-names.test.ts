/**
 * The pieces of `npm run init` that need no data: names compared without case, spaces and `_ - .`;
 * headers made readable for labels; the kind of a column from its values (flags, yes/no, dates in
 * each accepted form, ids, personal data); which columns must not become features; and label values
 * init cannot place, kept out of the mapping and printed.
 */
import {describe, test} from "node:test";
import assert from "node:assert/strict";
import {nameSimilarity, normalName, readableName} from "../../loaders/inputs/names.ts";
import {valueKind, type InspectedColumn} from "../../loaders/inputs/inspect.ts";
import {exclusion} from "../../loaders/inputs/guess.ts";

describe("names", () => {
  test("case, spaces and _ - . are ignored; ё is е", () => {
    assert.equal(normalName("Avg_Class-Frequency.total"), normalName("avg class frequency total"));
    assert.equal(normalName("Ушёл"), normalName("ушел"));
    assert.equal(nameSimilarity("Contract_period", "contract period"), 1);
  });

  test("word forms meet by their stems; unrelated names do not", () => {
    assert.ok(nameSimilarity("Посещения в неделю", "посещений в неделю") > 0.8);
    assert.equal(nameSimilarity("Возраст", "Выручка"), 0);
  });

  test("a header made readable", () => {
    assert.equal(readableName("avg_class_frequency"), "Avg class frequency");
    assert.equal(readableName("favouriteCoach"), "Favourite coach");
    assert.equal(readableName("HOME_CLUB"), "Home club");
    assert.equal(readableName("Любимый тренер"), "Любимый тренер");
  });
});

describe("value kinds", () => {
  const cases: [string[], string, "." | ","][] = [
    [["0", "1", "1", "0"], "flag", "."],
    [["1.0", "0.0"], "flag", "."],
    [["да", "нет", "да"], "yes-no", "."],
    [["TRUE", "FALSE"], "yes-no", "."],
    [["2018100100", "2019013123"], "datetime", "."],
    [["20181001", "20190131"], "datetime", "."],
    [["2018-10-01T00:00:00", "2019-01-31 23:10"], "datetime", "."],
    [["01.10.2018", "31/01/2019 23:10"], "datetime", "."],
    [["2018101", "2019013"], "integer", "."],
    [["2018100199", "2018100100"], "integer", "."],
    [["3,5", "4"], "number", ","],
    [["3,5", "4"], "category", "."],
    [["ee47d746-6d2f-4d3c-9622-c31412542920", "375e0724-f033-4c76-b579-84969cf38ee2"], "uuid", "."],
    [["anna@example.com", "b.c@mail.ru"], "email", "."],
    [["+7 (912) 555-12-34", "8 912 555 1234"], "phone", "."],
    [["", ""], "empty", "."]
  ];
  for (const [values, kind, decimal] of cases) {
    test(`${values.slice(0, 2).join(", ")} → ${kind}`, () => assert.equal(valueKind(values, decimal), kind));
  }

  test("people's names need many different values; a few capitalised labels are a category", () => {
    const names = Array.from({length: 30}, (_, i) => `${["Anna", "Boris", "Clara", "Denis", "Elena", "Fedor"][i % 6]} ${["Ivanova", "Petrov", "Smith", "Jones", "Orlova"][i % 5]}`);
    assert.equal(valueKind(names), "person-name");
    assert.equal(valueKind(["Gold Plan", "Silver Plan", "Basic Plan", "Gold Plan"]), "category");
  });
});

describe("columns left out of a churn table's features", () => {
  const column = (header: string, kind: InspectedColumn["kind"], distinct = 3, filled = 100): InspectedColumn => ({header, kind, distinct, filled, values: []});

  test("the outcome, personal data and identifiers, each with its reason", () => {
    assert.match(exclusion(column("Дата расторжения", "datetime"), true)!.en, /outcome/);
    assert.match(exclusion(column("Причина ухода", "category"), true)!.en, /outcome/);
    assert.match(exclusion(column("ФИО", "category"), true)!.en, /personal data \(names\)/);
    assert.match(exclusion(column("Адрес", "text", 90), true)!.en, /personal data \(addresses\)/);
    assert.equal(exclusion(column("Адрес", "text", 90), true)!.ru, "персональные данные (адреса)");
    assert.match(exclusion(column("client_code", "integer", 100), true)!.en, /identifier/);
    assert.match(exclusion(column("card", "uuid", 100), true)!.en, /identifier/);
    // in Russian, with the noun's form for each count
    assert.equal(exclusion(column("client_code", "integer", 100), true)!.ru, "идентификатор (100 разных значений в 100 строках выборки)");
    assert.equal(exclusion(column("Комментарий", "text", 3, 21), true)!.ru, "произвольный текст (3 разных значения в 21 строке выборки)");
  });

  test("a 0/1 column named like a phone is a feature (it says whether one was given), and ordinary features stay", () => {
    assert.equal(exclusion(column("Телефон", "flag", 2), true), null);
    assert.equal(exclusion(column("Любимый тренер", "category"), true), null);
    assert.equal(exclusion(column("Avg spend", "number", 100), true), null);
  });

  test("outcome words leak only where the file has a target", () => {
    assert.equal(exclusion(column("left_reason", "category"), false), null);
  });
});

describe("label values init cannot place", () => {
  test("are kept out of the mapping and printed with the column", async () => {
    const {cases} = await import("../../loaders/cases/registry.ts");
    const {guessInput} = await import("../../loaders/inputs/guess.ts");
    const {describeProposal} = await import("../../scripts/init.ts");
    const def = cases.find((c) => c.id === "one-click")!;
    const column = (header: string, kind: InspectedColumn["kind"], values: string[]): InspectedColumn => ({header, kind, values, distinct: values.length, filled: 100});
    const file = {file: "behaviour.csv", path: "/x/behaviour.csv", format: "csv" as const, rows: 100, bytesRead: 0,
      columns: [column("customer_id", "integer", ["1", "2"]), column("Purchase activity", "category", ["Down", "Maybe", "Flat"])]};
    const guess = guessInput(file, def, def.schema.files[0]);
    const activity = guess.columns.find((c) => c.header === "Purchase activity")!;
    assert.equal(activity.role, "activity");
    assert.deepEqual(activity.values, {Down: "declined"});
    assert.deepEqual(activity.unplaced, ["Maybe", "Flat"]);
    const printed = describeProposal({mapping: {files: []}, placed: [{file: "behaviour.csv", guess}], unfitted: [], ambiguous: [], displaced: [], incomplete: []}).join("\n");
    assert.match(printed, /"Purchase activity" \(activity\): could not place the values "Maybe", "Flat"/);
  });

  test("a misspelt period word is placed by the glossary; the seed's misspelt label is left to the reader's counted repair", async () => {
    const {cases} = await import("../../loaders/cases/registry.ts");
    const {guessInput} = await import("../../loaders/inputs/guess.ts");
    const def = cases.find((c) => c.id === "one-click")!;
    const column = (header: string, kind: InspectedColumn["kind"], values: string[]): InspectedColumn => ({header, kind, values, distinct: values.length, filled: 100});
    const period = (values: string[]) => {
      const file = {file: "t.csv", path: "/x/t.csv", format: "csv" as const, rows: 100, bytesRead: 0,
        columns: [column("customer", "integer", ["1", "2"]), column("month", "category", values), column("minutes", "integer", ["3", "4"])]};
      return guessInput(file, def, def.schema.files[2]).columns.find((c) => c.header === "month")!;
    };
    const english = period(["this month", "last mnth"]);
    assert.deepEqual(english.values, {"this month": "current", "last mnth": "previous"});
    assert.deepEqual(english.misspelt, ["last mnth"]);
    const seed = period(["текущий_месяц", "предыдцщий_месяц"]);
    assert.equal(seed.values, undefined, "the template's own labels: nothing to write");
    assert.deepEqual(seed.misspelt, ["предыдцщий_месяц"]);
  });
});
