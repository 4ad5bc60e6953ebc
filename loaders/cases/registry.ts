/**
 * The one case registry. Each case is declared once here: its id, title, question, pages in reading
 * order, the template of inputs it reads (its schema: files, and in each the roles its columns can
 * play), and its entry point. The sidebar (observablehq.config.ts), the overview, the input
 * resolution (loaders/inputs/), `npm run init`, the case loaders (src/data/<id>.tar.ts) and the
 * tests all read this list. Entry points are imported lazily, so reading the registry is cheap.
 */
import type {Artifacts} from "../artifacts.ts";
import type {Labels} from "../inputs/mapping.ts";
import type {CaseInput} from "../inputs/resolve.ts";
import type {CaseSchema} from "../io/schema.ts";
import type {Settings} from "../settings.ts";
import {ecommerceSchema} from "../io/schemas/ecommerce.ts";
import {fitnessSchema} from "../io/schemas/fitness.ts";
import {oneClickSchema} from "../io/schemas/one-click.ts";
import {experimentSchema} from "../io/schemas/experiment.ts";

export type CaseId = "fitness" | "one-click" | "ecommerce" | "experiment";

export interface CasePage {
  name: string;
  /** Page path inside the case folder: "" for the case summary (index.md), else the file stem. */
  path: string;
}

/** Every case module exports `run` with this shape: read, clean, analyse once, return every page's artifact (quality.json included). */
export type CaseRun = (input: CaseInput, settings: Settings) => Promise<Artifacts>;

export interface CaseDefinition {
  id: CaseId;
  title: string;
  question: string;
  /** One line on which exports the case template reads, for the overview and `npm run init`. */
  template: string;
  pages: CasePage[];
  schema: CaseSchema;
  /** What the template's profit figure means when the mapping does not say (loaders/cases/money.ts). */
  profit?: Labels;
  load: () => Promise<{run: CaseRun}>;
}

export const cases: CaseDefinition[] = [
  {
    id: "fitness",
    title: "Fitness",
    question: "Which members will leave next month, and what kinds of members are there?",
    template: "Churn table: one row per customer or member with a yes/no outcome and any features",
    pages: [
      {name: "Summary", path: ""},
      {name: "Data quality", path: "data-quality"},
      {name: "Exploration", path: "exploration"},
      {name: "Churn model", path: "model"},
      {name: "Retention", path: "retention"},
      {name: "Member groups", path: "groups"},
      {name: "Hypotheses", path: "hypotheses"},
      {name: "Recommendations", path: "recommendations"}
    ],
    schema: fitnessSchema,
    load: () => import("./fitness.ts")
  },
  {
    id: "one-click",
    title: "One Click",
    question: "Whose purchase activity is declining, and which of those are worth a personal offer?",
    template: "Activity and profit: customer behaviour, revenue and minutes per period, and profit per customer",
    pages: [
      {name: "Summary", path: ""},
      {name: "Data quality", path: "data-quality"},
      {name: "Exploration", path: "exploration"},
      {name: "Model", path: "model"},
      {name: "Segments", path: "segments"},
      {name: "Offers", path: "offers"}
    ],
    schema: oneClickSchema,
    profit: {
      en: "average monthly profit per customer over the last three months",
      ru: "средняя прибыль с покупателя в месяц за последние три месяца"
    },
    load: () => import("./one-click.ts")
  },
  {
    id: "ecommerce",
    title: "E-commerce",
    question: "What do customers buy, and how should mailings differ by consumption profile?",
    template: "Order log: one row per order line (customer, order, time, product, quantity, price)",
    pages: [
      {name: "Summary", path: ""},
      {name: "Data quality", path: "data-quality"},
      {name: "Categories", path: "categories"},
      {name: "Profiles", path: "profiles"},
      {name: "Time", path: "time"},
      {name: "Hypotheses", path: "hypotheses"},
      {name: "Customer value", path: "customer-value"},
      {name: "Mailing plan", path: "mailing-plan"}
    ],
    schema: ecommerceSchema,
    load: () => import("./ecommerce.ts")
  },
  {
    id: "experiment",
    title: "Experiment",
    question: "Did the new feature win, and can the test be trusted?",
    template: "A/B test: participants with their group and test, users' sign-up dates and regions, their events, and a marketing calendar",
    pages: [
      {name: "Summary", path: ""},
      {name: "Validity", path: "validity"},
      {name: "Funnel", path: "funnel"},
      {name: "Over time", path: "over-time"},
      {name: "Power", path: "power"}
    ],
    schema: experimentSchema,
    load: () => import("./experiment.ts")
  }
];

export function caseById(id: string): CaseDefinition {
  const found = cases.find((c) => c.id === id);
  if (!found) throw new Error(`no case ${JSON.stringify(id)}; the cases are ${cases.map((c) => c.id).join(", ")}`);
  return found;
}

/** Columns holding customer ids: these must not reach the built site unless the setting allows. */
export function customerIdFields(def: CaseDefinition): {table: string; field: string}[] {
  return def.schema.files.flatMap((f) => f.columns.filter((c) => c.customerId).map((c) => ({table: f.table, field: c.field})));
}
