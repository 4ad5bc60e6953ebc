/**
 * `npm run init -- DIR`: look at every CSV/Parquet export in DIR (flat or in subfolders, sampled,
 * never read whole), propose which case input each file is and which role each column plays, write
 * DIR/clientele-mapping.json for the analyst to check and edit, and print what was decided, what
 * was left out and why, and what could not be decided. Exit code 0 when a mapping was written, 2
 * when no file fitted any case (1 on a usage error).
 */
import {existsSync, renameSync, statSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {cases} from "../loaders/cases/registry.ts";
import {findExports} from "../loaders/inputs/inspect.ts";
import {MAPPING_FILE} from "../loaders/inputs/mapping.ts";
import {proposeFolder, type Proposal} from "../loaders/inputs/propose.ts";
import type {InputGuess} from "../loaders/inputs/guess.ts";

const pct = (x: number) => `${Math.round(x * 100)} %`;
const title = (g: InputGuess) => {
  const def = cases.find((c) => c.id === g.case)!;
  return `${def.id} / ${g.input} (${def.schema.files.find((f) => f.table === g.input)!.title.toLowerCase()})`;
};
const list = (xs: string[]) => xs.map((x) => JSON.stringify(x)).join(", ");

/** The report init prints: one block per file, then what could not be decided. */
export function describeProposal(p: Proposal): string[] {
  const out: string[] = [];
  for (const {file, guess} of p.placed) {
    out.push(`${file} → ${title(guess)}, confidence ${pct(guess.confidence)}`);
    const features = guess.columns.filter((c) => c.role === "feature");
    if (features.length) out.push(`    features of its own: ${features.map((c) => `${JSON.stringify(c.header)} (${c.type})`).join(", ")}`);
    for (const c of guess.columns) {
      if (c.role === "ignore") out.push(`    left out ${JSON.stringify(c.header)}: ${c.why}`);
      if (c.values && c.role !== "feature") {
        const pairs = Object.entries(c.values);
        out.push(`    ${JSON.stringify(c.header)} (${c.role}) values: ${pairs.slice(0, 6).map(([from, to]) => `${from} → ${to}`).join(", ")}${pairs.length > 6 ? ", …" : ""}`);
      }
      if (c.unplaced?.length) out.push(`    ${JSON.stringify(c.header)} (${c.role}): could not place the values ${list(c.unplaced)} — give their meaning in "values"`);
      if (c.misspelt?.length) out.push(`    ${JSON.stringify(c.header)} (${c.role}): ${list(c.misspelt)} read as misspellings of known labels`);
      if (c.role !== "ignore" && (c.confidence ?? 1) < 0.6) out.push(`    unsure: ${JSON.stringify(c.header)} as ${c.role} (confidence ${pct(c.confidence ?? 0)})`);
    }
  }
  const undecided: string[] = [];
  for (const a of p.ambiguous) undecided.push(`${a.file} fits ${title(a.other)} almost as well (${pct(a.other.confidence)}) as ${title(a.chosen)} (${pct(a.chosen.confidence)}); mapped to the latter — check`);
  for (const d of p.displaced) undecided.push(`${d.file} also fits ${title(d.guess)} (confidence ${pct(d.guess.confidence)}); kept ${d.kept}, which fits better — swap the "file" in the mapping if that is wrong`);
  for (const i of p.incomplete) {
    undecided.push(`${i.case}: found ${i.found.map((f) => `${f.file} (${f.guess.input})`).join(", ")} but no file for ${list(i.lacking)} — the case is left out`);
  }
  for (const u of p.unfitted) {
    undecided.push(u.closest
      ? `${u.file} fits no case; closest is ${title(u.closest)}, lacking ${u.closest.missing.map((m) => `${m.field} (${m.label})`).join(", ")}`
      : `${u.file} fits no case`);
  }
  if (undecided.length) out.push("", "Could not decide:", ...undecided.map((u) => `  - ${u}`));
  return out;
}

async function main(): Promise<number> {
  const arg = process.argv.slice(2).find((a) => !a.startsWith("-"));
  if (!arg) {
    console.error("usage: npm run init -- DIR   (the folder holding your CSV or Parquet exports)");
    return 1;
  }
  const dir = resolve(arg);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.error(`${dir} is not a folder`);
    return 1;
  }
  if (!findExports(dir).length) {
    console.error(`no CSV or Parquet file in ${dir}`);
    return 2;
  }
  const proposal = await proposeFolder(dir);
  console.log(describeProposal(proposal).join("\n"));
  if (!proposal.mapping.files.length) {
    console.error(`\nNo file fitted a case template (${cases.map((c) => c.id).join(", ")}); no mapping written.`);
    return 2;
  }
  const path = join(dir, MAPPING_FILE);
  if (existsSync(path)) {
    renameSync(path, `${path}.previous`);
    console.log(`\nThe earlier mapping is kept as ${MAPPING_FILE}.previous.`);
  }
  writeFileSync(path, `${JSON.stringify(proposal.mapping, null, 2)}\n`);
  console.log(`\nWrote ${path}: check it, edit what is wrong (a column's "role", its "label", "values"), then build with DATA_DIR=${arg} npm run build.`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
