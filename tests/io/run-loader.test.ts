import {test} from "node:test";
import assert from "node:assert/strict";
import {Writable} from "node:stream";
import {runLoader} from "../../loaders/io/run-loader.ts";
import {DataError} from "../../loaders/io/problems.ts";
import {qualityArtifact, redactReport} from "../../loaders/quality/artifact.ts";
import {fitnessSchema} from "../../loaders/io/schemas/fitness.ts";
import type {QualityReport} from "../../loaders/quality/types.ts";
import {nouns} from "../../src/components/glossary.ts";

function sink() {
  let text = "";
  const stream = new Writable({write(chunk, _e, cb) { text += chunk; cb(); }});
  return {stream, text: () => text};
}

test("runLoader writes the artifact as JSON", async () => {
  const out = sink(), err = sink();
  let code: number | null = null;
  await runLoader(async () => ({a: 1, b: ["x"]}), {stdout: out.stream, stderr: err.stream, exit: (c) => (code = c)});
  assert.equal(out.text(), '{"a":1,"b":["x"]}');
  assert.equal(err.text(), "");
  assert.equal(code, null);
});

test("runLoader prints a DataError's message, no stack, and exits 1", async () => {
  const out = sink(), err = sink();
  let code: number | null = null;
  await runLoader(async () => {
    throw new DataError([{severity: "error", file: "f.csv", line: 3, column: "Age", expected: "a whole number", found: '"x"', hint: "fix it"}], "Cannot read f.csv");
  }, {stdout: out.stream, stderr: err.stream, exit: (c) => (code = c)});
  assert.equal(out.text(), "");
  assert.equal(err.text(), 'Cannot read f.csv (1 problem):\n  - f.csv, line 3, column "Age": expected a whole number, found "x". Hint: fix it\n');
  assert.equal(code, 1);
});

test("ids leave the artifact unless customer rows are allowed", () => {
  const report: QualityReport = {
    case: "fitness", files: [], problems: [], repairs: [], exclusions: [],
    findings: [{kind: "outlier", file: "f.csv", rows: 1, summary: {en: "s", ru: "s"}, examples: [{file: "f.csv", line: 5, id: "215380", found: "9"}]}],
    counts: {input: {}, clean: {}, modelling: {unit: nouns.member, rows: 0}, flow: []}
  };
  assert.deepEqual(redactReport(report, false).findings[0].examples, [{file: "f.csv", line: 5, found: "9"}]);
  assert.equal(redactReport(report, true).findings[0].examples[0].id, "215380");
  const artifact = qualityArtifact(report, {id: "fitness", files: fitnessSchema.files});
  assert.doesNotMatch(JSON.stringify(artifact), /215380/);
  assert.equal(artifact.columns.length, 14);
  assert.deepEqual(artifact.labels.churn, {en: "Left in the following month", ru: "Ушёл в следующем месяце"});
});
