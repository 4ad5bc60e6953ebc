/**
 * A mapping proposed for a folder of exports: each file goes to the case input it fits best; when two
 * files fit one input the better is kept; a case is mapped only when every one of its inputs has a
 * file. What could not be decided is returned beside the mapping, for `npm run init` to print.
 */
import {cases, type CaseId} from "../cases/registry.ts";
import {guessInput, type ColumnGuess, type InputGuess} from "./guess.ts";
import {findExports, inspectFile, type InspectedFile} from "./inspect.ts";
import type {MappedColumn, MappedFile, Mapping} from "./mapping.ts";
import {tr} from "../../src/components/i18n.ts";
import {defaultLang} from "../settings.ts";

/** Two inputs a file fits whose confidences differ by less than this are reported as ambiguous. */
const AMBIGUOUS = 0.05;

export interface PlacedFile {
  file: string;
  guess: InputGuess;
}

export interface Proposal {
  mapping: Mapping;
  placed: PlacedFile[];
  /** Files that fit no input: the closest input and the roles it lacked. */
  unfitted: {file: string; closest: InputGuess | null}[];
  /** Files that fit a second input almost as well as the one chosen (the analyst should check). */
  ambiguous: {file: string; chosen: InputGuess; other: InputGuess}[];
  /** Files that fit an input another file fits better. */
  displaced: {file: string; guess: InputGuess; kept: string}[];
  /** Cases with some inputs found and others not (left out). */
  incomplete: {case: CaseId; found: PlacedFile[]; lacking: string[]}[];
}

/** A guessed column as the mapping writes it: the reason in the build's language (CLIENTELE_LANG). */
function mappedColumn({header: _header, unplaced: _unplaced, misspelt: _misspelt, why, ...column}: ColumnGuess): MappedColumn {
  return {...column, ...(why ? {why: tr(why, defaultLang())} : {})};
}

function mappedFile({file, guess}: PlacedFile): MappedFile {
  return {
    file: file.split("\\").join("/"), case: guess.case, input: guess.input, confidence: guess.confidence,
    columns: Object.fromEntries(guess.columns.map((c) => [c.header, mappedColumn(c)]))
  };
}

/** Propose the mapping for sampled exports. */
export function propose(files: InspectedFile[]): Proposal {
  const unfitted: Proposal["unfitted"] = [];
  const ambiguous: Proposal["ambiguous"] = [];
  const byInput = new Map<string, PlacedFile[]>();
  for (const file of files) {
    const guesses = cases.flatMap((def) => def.schema.files.map((template) => guessInput(file, def, template)));
    const fitting = guesses.filter((g) => g.fits).sort((a, b) => b.confidence - a.confidence || b.coverage - a.coverage);
    if (!fitting.length) {
      const closest = guesses.sort((a, b) => a.missing.length - b.missing.length || b.confidence - a.confidence)[0] ?? null;
      unfitted.push({file: file.file, closest});
      continue;
    }
    if (fitting[1] && fitting[0].confidence - fitting[1].confidence < AMBIGUOUS) ambiguous.push({file: file.file, chosen: fitting[0], other: fitting[1]});
    const key = `${fitting[0].case}/${fitting[0].input}`;
    byInput.set(key, [...(byInput.get(key) ?? []), {file: file.file, guess: fitting[0]}]);
  }
  const displaced: Proposal["displaced"] = [];
  const chosen: PlacedFile[] = [];
  for (const candidates of byInput.values()) {
    const [best, ...rest] = [...candidates].sort((a, b) => b.guess.confidence - a.guess.confidence || b.guess.coverage - a.guess.coverage || (a.file < b.file ? -1 : 1));
    chosen.push(best);
    for (const other of rest) displaced.push({file: other.file, guess: other.guess, kept: best.file});
  }
  const placed: PlacedFile[] = [];
  const incomplete: Proposal["incomplete"] = [];
  for (const def of cases) {
    const found = def.schema.files.map((t) => chosen.find((p) => p.guess.case === def.id && p.guess.input === t.table));
    const present = found.filter((p): p is PlacedFile => p !== undefined);
    if (!present.length) continue;
    const lacking = def.schema.files.filter((t, i) => !found[i] && !t.optional);
    if (lacking.length) incomplete.push({case: def.id, found: present, lacking: lacking.map((t) => t.table)});
    else placed.push(...present);
  }
  return {mapping: {files: placed.map(mappedFile)}, placed, unfitted, ambiguous, displaced, incomplete};
}

/** Sample every export under `dir` and propose its mapping. */
export async function proposeFolder(dir: string): Promise<Proposal> {
  const files = [];
  for (const file of findExports(dir)) files.push(await inspectFile(dir, file));
  return propose(files);
}
