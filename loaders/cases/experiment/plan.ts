/**
 * The test plan: what the product team specified before the test (the funnel's steps, the groups,
 * the analysis window, each test's dates, region and audience share, the expected effect). Read from
 * `experiment-plan.json` next to the participants export when there is one; every field it leaves
 * out takes a default read from the data (`defaultsFromData`) or stated here.
 */
import {existsSync, readFileSync} from "node:fs";
import {basename, dirname, join} from "node:path";
import {DataError} from "../../io/problems.ts";

export const PLAN_FILE = "experiment-plan.json";

export interface TestPlan {
  /** First and last sign-up day of the enrolment (ISO dates), and the last day of the test. */
  start: string;
  enrolmentEnd: string;
  end: string;
  /** The target region, or null for every region. */
  region: string | null;
  /** Planned share of the new users in the region and enrolment dates that join the test, or null when not planned. */
  audienceShare: number | null;
  /** Planned share of the treatment group among participants. */
  split: number;
}

export interface ExperimentPlan {
  /** Where the plan came from: the file's name, or null when every value is a default. */
  source: string | null;
  funnel: string[];
  /** The step the verdict is about (the goal); default: the funnel's last step. */
  primary: string;
  windowDays: number;
  control: string;
  treatment: string;
  alpha: number;
  power: number;
  /** The relative lift the team expects (the effect the test is sized for). */
  expectedLift: number;
  tests: Record<string, TestPlan>;
  /** Which values are defaults (not in the plan file), for the page to say so. */
  defaults: string[];
}

/** What the data says when the plan does not: per test, the dates; overall, the labels and the steps. */
export interface DataDefaults {
  /** Group labels by number of participant rows (most first). */
  labels: string[];
  /** Event names by number of participants reaching them (most first). */
  events: string[];
  tests: Record<string, {firstSignup: string; lastSignup: string; lastEvent: string}>;
}

type Raw = Partial<Omit<ExperimentPlan, "tests" | "source" | "defaults">> & {tests?: Record<string, Partial<TestPlan>>};

function readRaw(path: string): Raw {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Raw;
  } catch (error) {
    throw new DataError([{severity: "error", file: basename(path), expected: "a JSON test plan", found: (error as Error).message,
      hint: "correct the JSON or remove the file (every value then takes its default)"}], `${PLAN_FILE} cannot be read`);
  }
}

/** The plan file's path for an input whose participants export is at `participantsPath`. */
export const planPath = (participantsPath: string) => join(dirname(participantsPath), PLAN_FILE);

export function readPlan(participantsPath: string, data: DataDefaults): ExperimentPlan {
  const path = planPath(participantsPath);
  const raw: Raw = existsSync(path) ? readRaw(path) : {};
  const defaults: string[] = [];
  const pick = <K extends keyof Raw>(key: K, fallback: NonNullable<Raw[K]>): NonNullable<Raw[K]> => {
    if (raw[key] !== undefined && raw[key] !== null) return raw[key] as NonNullable<Raw[K]>;
    defaults.push(key);
    return fallback;
  };
  const [a, b] = data.labels.slice(0, 2).sort();
  const funnel = pick("funnel", data.events);
  const unknownSteps = funnel.filter((s) => !data.events.includes(s));
  if (unknownSteps.length) {
    throw new DataError([{severity: "error", file: PLAN_FILE, column: "funnel", expected: `event names of the events export (${data.events.join(", ")})`,
      found: unknownSteps.join(", "), hint: "name the funnel's steps as the events export does"}], `${PLAN_FILE}: funnel steps the events never have`);
  }
  const tests = Object.fromEntries(Object.entries(data.tests).map(([name, d]) => {
    const t = raw.tests?.[name] ?? {};
    return [name, {
      start: t.start ?? d.firstSignup, enrolmentEnd: t.enrolmentEnd ?? d.lastSignup, end: t.end ?? d.lastEvent,
      region: t.region ?? null, audienceShare: t.audienceShare ?? null, split: t.split ?? 0.5
    }];
  }));
  return {
    source: existsSync(path) ? PLAN_FILE : null,
    funnel,
    primary: pick("primary", funnel[funnel.length - 1]),
    windowDays: pick("windowDays", 14),
    control: pick("control", a ?? "A"),
    treatment: pick("treatment", b ?? "B"),
    alpha: pick("alpha", 0.05),
    power: pick("power", 0.8),
    expectedLift: pick("expectedLift", 0.1),
    tests,
    defaults
  };
}
