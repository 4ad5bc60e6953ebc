/**
 * Demo data for the fitness case: `fitness/gym_churn_us.csv` (4000 members, the real schema and
 * number formats) and `fitness/truth.json`, the planted structure:
 *
 *   seed                 the seed the file was generated from
 *   rows                 number of members
 *   clusters[]           planted member kinds: {id, name, share, size, params, centre}
 *                        params = the generating distributions; centre = {feature: mean of the
 *                        raw feature over the cluster's rows}
 *   cluster[]            true cluster id of every row, by row index (0-based, file order)
 *   features             the 13 feature columns (everything but Churn), in file order
 *   churn.model          logit P(Churn = 1) = intercept + Σ coef · (x − mean) / sd over the
 *                        features listed; mean/sd are the generated columns' mean and
 *                        population sd; features not listed have coefficient 0
 *   churn.driverOrder    listed features by decreasing |coef|
 *   churn.rate / count   realised churn rate and number of churned members
 *   defects              none are planted in this case (the real table is clean)
 */
import {writeFileSync, mkdirSync} from "node:fs";
import {join} from "node:path";
import {randomSource, shuffled, type Random} from "../../loaders/random.ts";
import {apportion, bernoulli, calibrateIntercept, clamp, moments, normal, poisson, round, sigmoid, weighted} from "./draw.ts";
import {csvText, general11} from "./format.ts";

export const FITNESS_COLUMNS = [
  "gender", "Near_Location", "Partner", "Promo_friends", "Phone", "Contract_period", "Group_visits",
  "Age", "Avg_additional_charges_total", "Month_to_end_contract", "Lifetime",
  "Avg_class_frequency_total", "Avg_class_frequency_current_month", "Churn"
] as const;
const FEATURES = FITNESS_COLUMNS.slice(0, -1);

interface ClusterParams {
  /** P(value = 1) of the binary flags. */
  nearLocation: number;
  partner: number;
  promoFriends: number;
  phone: number;
  groupVisits: number;
  /** Weights of Contract_period 1, 6, 12 months. */
  contract: [number, number, number];
  age: [mean: number, sd: number];
  charges: [mean: number, sd: number];
  /** Lifetime = offset + Poisson(mean) months. */
  lifetime: [offset: number, mean: number];
  classFrequency: [mean: number, sd: number];
}

interface ClusterSpec {
  name: string;
  share: number;
  params: ClusterParams;
}

export const FITNESS_CLUSTERS: ClusterSpec[] = [
  {
    name: "long-contract loyal",
    share: 0.24,
    params: {nearLocation: 1, partner: 0.5, promoFriends: 0.15, phone: 1, groupVisits: 0.7,
      contract: [0, 0.08, 0.92], age: [31, 3], charges: [215, 90], lifetime: [2, 5], classFrequency: [2.7, 0.6]}
  },
  {
    name: "new month-to-month",
    share: 0.32,
    params: {nearLocation: 1, partner: 0.12, promoFriends: 0.02, phone: 1, groupVisits: 0.2,
      contract: [1, 0, 0], age: [27.5, 3], charges: [115, 60], lifetime: [0, 1.2], classFrequency: [1.3, 0.55]}
  },
  {
    name: "partner-programme",
    share: 0.2,
    params: {nearLocation: 1, partner: 1, promoFriends: 0.95, phone: 1, groupVisits: 0.55,
      contract: [0.1, 0.85, 0.05], age: [29.5, 3], charges: [150, 75], lifetime: [0, 3.5], classFrequency: [1.9, 0.7]}
  },
  {
    name: "far-away",
    share: 0.14,
    params: {nearLocation: 0, partner: 0.35, promoFriends: 0.02, phone: 1, groupVisits: 0.15,
      contract: [0.65, 0.3, 0.05], age: [28.5, 3], charges: [130, 75], lifetime: [0, 2.8], classFrequency: [1.6, 0.7]}
  },
  {
    name: "no phone on file",
    share: 0.1,
    params: {nearLocation: 0.9, partner: 0.45, promoFriends: 0.25, phone: 0, groupVisits: 0.4,
      contract: [0.55, 0.2, 0.25], age: [29, 3], charges: [145, 85], lifetime: [0, 3.5], classFrequency: [1.85, 0.8]}
  }
];

/** Planted churn drivers on standardised features (|coef| strictly decreasing). */
export const FITNESS_COEFFICIENTS: Record<string, number> = {
  Lifetime: -1.9,
  Avg_class_frequency_current_month: -1.35,
  Contract_period: -0.9,
  Age: -0.55,
  Group_visits: -0.35
};
export const FITNESS_CHURN_RATE = 0.265;
const CONTRACTS = [1, 6, 12];

type Row = Record<(typeof FITNESS_COLUMNS)[number], number>;

function member(p: ClusterParams, random: Random): Row {
  const contract = CONTRACTS[weighted(p.contract, random)];
  // Months left: mostly a fresh contract, otherwise uniform over what remains.
  const monthsLeft = contract === 1 ? 1 : random() < 0.5 ? contract : 1 + random.int(contract);
  const total = clamp(normal(p.classFrequency[0], p.classFrequency[1], random), 0, 6);
  const current = clamp(total + normal(0, 0.35, random), 0, 6.2);
  return {
    gender: bernoulli(0.5, random),
    Near_Location: bernoulli(p.nearLocation, random),
    Partner: bernoulli(p.partner, random),
    Promo_friends: bernoulli(p.promoFriends, random),
    Phone: bernoulli(p.phone, random),
    Contract_period: contract,
    Group_visits: bernoulli(p.groupVisits, random),
    Age: Math.round(clamp(normal(p.age[0], p.age[1], random), 18, 41)),
    Avg_additional_charges_total: clamp(normal(p.charges[0], p.charges[1], random), 0.15 + random() * 5, 550),
    Month_to_end_contract: monthsLeft,
    Lifetime: Math.min(31, p.lifetime[0] + poisson(p.lifetime[1], random)),
    Avg_class_frequency_total: total < 0.02 ? 0 : total,
    Avg_class_frequency_current_month: current < 0.02 ? 0 : current,
    Churn: 0
  };
}

export interface FitnessOptions {
  seed?: number;
  outDir: string;
  rows?: number;
}

export function generateFitness({seed = 20261123, outDir, rows = 4000}: FitnessOptions) {
  const random = randomSource(seed);
  const drawRows = random.fork();
  const drawChurn = random.fork();

  const sizes = apportion(rows, FITNESS_CLUSTERS.map((c) => c.share));
  const labels = shuffled(sizes.flatMap((n, k) => Array<number>(n).fill(k)), random.fork());
  const data = labels.map((k) => member(FITNESS_CLUSTERS[k].params, drawRows));

  const model = Object.entries(FITNESS_COEFFICIENTS).map(([feature, coef]) => {
    const {mean, sd} = moments(data.map((r) => r[feature as keyof Row]));
    return {feature, coef, mean, sd};
  });
  const scores = data.map((r) => model.reduce((s, m) => s + (m.coef * (r[m.feature as keyof Row] - m.mean)) / m.sd, 0));
  const intercept = calibrateIntercept(scores, FITNESS_CHURN_RATE);
  data.forEach((r, i) => (r.Churn = bernoulli(sigmoid(intercept + scores[i]), drawChurn)));

  const text = csvText(FITNESS_COLUMNS, data.map((r) => FITNESS_COLUMNS.map((c) => cell(c, r[c]))));
  const churned = data.reduce((s, r) => s + r.Churn, 0);
  const truth = {
    seed,
    rows,
    features: FEATURES,
    clusters: FITNESS_CLUSTERS.map((c, k) => ({
      id: k,
      name: c.name,
      share: c.share,
      size: sizes[k],
      params: c.params,
      centre: Object.fromEntries(FEATURES.map((f) => [f, round(moments(data.filter((_, i) => labels[i] === k).map((r) => r[f])).mean, 6)]))
    })),
    churn: {
      target: "Churn",
      rate: round(churned / rows, 6),
      count: churned,
      model: {
        intercept: round(intercept, 6),
        features: model.map((m) => ({feature: m.feature, coef: m.coef, mean: round(m.mean, 6), sd: round(m.sd, 6)}))
      },
      driverOrder: model.slice().sort((a, b) => Math.abs(b.coef) - Math.abs(a.coef)).map((m) => m.feature)
    },
    defects: {},
    cluster: labels
  };
  const dir = join(outDir, "fitness");
  mkdirSync(dir, {recursive: true});
  writeFileSync(join(dir, "gym_churn_us.csv"), text);
  writeFileSync(join(dir, "truth.json"), JSON.stringify(truth, null, 1) + "\n");
  return truth;
}

function cell(column: string, value: number): string {
  return column.startsWith("Avg_") ? general11(value) : String(value);
}
