/**
 * A problem's text in each language: English exactly as before (the bad-input corpus holds those
 * lines), Russian with its own words, typography and the noun's form for the count.
 */
import {test} from "node:test";
import assert from "node:assert/strict";
import {DataError, formatProblem, formatProblems, problemIn, type Problem} from "../../loaders/io/problems.ts";

const problem: Problem = {severity: "error", file: "f.csv", line: 3, column: "Age",
  expected: {en: "a whole number", ru: "целое число"}, found: '"x"', hint: {en: "fix it", ru: "исправьте"}};

test("a problem in English and in Russian; a plain string reads the same in both", () => {
  assert.equal(problemIn(problem, "en"), 'f.csv, line 3, column "Age": expected a whole number, found "x". Hint: fix it');
  assert.equal(problemIn(problem, "ru"), 'f.csv, строка 3, столбец «Age» — ожидалось: целое число; найдено: "x". Подсказка: исправьте');
});

test("the header counts problems with the Russian noun's form: 1 проблема, 2 проблемы, 5 проблем", () => {
  const many = (n: number) => Array.from({length: n}, () => problem);
  assert.match(formatProblems(many(1), {en: "Cannot read f.csv", ru: "Не удаётся прочитать f.csv"}, "ru"), /^Не удаётся прочитать f\.csv \(1 проблема\):\n/);
  assert.match(formatProblems(many(2), undefined, "ru"), /^Входные данные нельзя использовать \(2 проблемы\):\n/);
  assert.match(formatProblems(many(5), undefined, "ru"), /\(5 проблем\):\n/);
  assert.match(formatProblems(many(2), undefined, "en"), /^The input data cannot be used \(2 problems\):\n/);
});

test("a DataError's message is in CLIENTELE_LANG, English by default", () => {
  const saved = process.env.CLIENTELE_LANG;
  try {
    delete process.env.CLIENTELE_LANG;
    assert.equal(new DataError([problem], {en: "Cannot read f.csv", ru: "Не удаётся прочитать f.csv"}).message,
      'Cannot read f.csv (1 problem):\n  - f.csv, line 3, column "Age": expected a whole number, found "x". Hint: fix it');
    process.env.CLIENTELE_LANG = "ru";
    assert.equal(new DataError([problem], {en: "Cannot read f.csv", ru: "Не удаётся прочитать f.csv"}).message,
      'Не удаётся прочитать f.csv (1 проблема):\n  - f.csv, строка 3, столбец «Age» — ожидалось: целое число; найдено: "x". Подсказка: исправьте');
    assert.equal(formatProblem(problem), problemIn(problem, "ru"));
  } finally {
    if (saved === undefined) delete process.env.CLIENTELE_LANG;
    else process.env.CLIENTELE_LANG = saved;
  }
});
