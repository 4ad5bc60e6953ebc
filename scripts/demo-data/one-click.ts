/**
 * Demo data for the one-click case: `one-click/market_file.csv` (CRLF), `market_money.csv`,
 * `market_time.csv`, `money.csv` (`;` and decimal commas) with the real headers, labels and row
 * counts, and `one-click/truth.json`:
 *
 *   seed, customers, ids {first, last}  contiguous demo ids (not the real 215348..216647)
 *   target         column, positive label «Снизилась», negative «Прежний уровень», count, rate
 *   model          logit P(Снизилась) = intercept + Σ coef · (x − mean) / sd; each feature names
 *                  its source {file, column, period?}; mean/sd = generated column mean and
 *                  population sd over all customers (taken before any defect is planted);
 *                  features not listed (revenue, Длительность, Маркет_актив_тек_мес, service
 *                  type, consent, category, previous-month minutes) have coefficient 0
 *   driverOrder    model feature names by decreasing |coef|
 *   profit         generating distribution of money.csv and its realised mean
 *   defects        misspeltServiceType {label, correct, count, ids}: «стандартт» in Тип сервиса
 *                  misspeltPeriod {file, label, correct, count}: every previous-month row of
 *                    market_time.csv says «предыдцщий_месяц» (as in the real export)
 *                  revenueOutlier {id, period, value, typicalValue}: the one extreme revenue
 *                  inactive {ids, periods, count}: customers with 0 revenue in those periods
 *                  dialects: separator / decimal mark / line ending per file
 */
import {writeFileSync, mkdirSync} from "node:fs";
import {join} from "node:path";
import {randomSource, shuffled} from "../../loaders/random.ts";
import {binomial, calibrateIntercept, clamp, moments, normal, poisson, round, sampleIndices, sigmoid, weighted} from "./draw.ts";
import {csvText, decimalComma, oneDecimal, plain} from "./format.ts";

export const ONE_CLICK_FIRST_ID = 700001;
const DECLINED = "Снизилась";
const UNCHANGED = "Прежний уровень";
const PERIODS = ["препредыдущий_месяц", "предыдущий_месяц", "текущий_месяц"] as const;
const TIME_PREVIOUS_MISSPELT = "предыдцщий_месяц";
const STANDARD_MISSPELT = "стандартт";
const CATEGORIES = [
  "Товары для детей", "Домашний текстиль", "Косметика и аксесуары", "Техника для красоты и здоровья",
  "Мелкая бытовая техника и электроника", "Кухонная посуда"
];
const CATEGORY_WEIGHTS = [330, 251, 223, 184, 174, 138];

export const MARKET_FILE_COLUMNS = [
  "id", "Покупательская активность", "Тип сервиса", "Разрешить сообщать", "Маркет_актив_6_мес",
  "Маркет_актив_тек_мес", "Длительность", "Акционные_покупки", "Популярная_категория",
  "Средний_просмотр_категорий_за_визит", "Неоплаченные_продукты_штук_квартал", "Ошибка_сервиса",
  "Страниц_за_визит"
];

/** Planted drivers of «Снизилась» on standardised features (|coef| strictly decreasing). */
export const ONE_CLICK_MODEL = [
  {feature: "pages_per_visit", file: "market_file.csv", column: "Страниц_за_визит", coef: -1.8},
  {feature: "minutes_current", file: "market_time.csv", column: "минут", period: "текущий_месяц", coef: -1.4},
  {feature: "promo_share", file: "market_file.csv", column: "Акционные_покупки", coef: 1.0},
  {feature: "marketing_6m", file: "market_file.csv", column: "Маркет_актив_6_мес", coef: -0.7},
  {feature: "categories_per_visit", file: "market_file.csv", column: "Средний_просмотр_категорий_за_визит", coef: -0.45},
  {feature: "unpaid_items", file: "market_file.csv", column: "Неоплаченные_продукты_штук_квартал", coef: 0.25}
] as const;
export const ONE_CLICK_DECLINE_RATE = 0.383;

interface Customer {
  id: number;
  declined: boolean;
  premium: boolean;
  serviceLabel: string;
  consent: boolean;
  marketing_6m: number;
  marketing_now: number;
  tenure_days: number;
  promo_share: number;
  category: string;
  categories_per_visit: number;
  unpaid_items: number;
  service_errors: number;
  pages_per_visit: number;
  minutes_previous: number;
  minutes_current: number;
  revenue: [number, number, number];
  profit: number;
}

export interface OneClickOptions {
  seed?: number;
  outDir: string;
  customers?: number;
}

export function generateOneClick({seed = 20261123, outDir, customers = 1300}: OneClickOptions) {
  const root = randomSource(seed ^ 0x0c11c);
  const r = root.fork();
  const money = root.fork(); // revenue and profit: a stream of their own, independent of the target
  const list: Customer[] = [];
  for (let i = 0; i < customers; i++) {
    const level = money.normal(); // shared spending level behind the three revenues
    const rev = (mean: number, sd: number, lo: number, hi: number, step: number) =>
      round(Math.round(clamp(mean + sd * (0.6 * level + 0.8 * money.normal()), lo, hi) / step) * step, 1);
    const promoHigh = r() < 0.18;
    list.push({
      id: ONE_CLICK_FIRST_ID + i,
      declined: false,
      premium: r() < 0.29,
      serviceLabel: "",
      consent: r() < 0.74,
      marketing_6m: round(clamp(normal(4.25, 1.0, r), 0.9, 6.6), 1),
      marketing_now: 3 + weighted([308, 669, 323], r),
      tenure_days: 110 + r.int(970),
      promo_share: round(promoHigh ? 0.85 + r() * 0.14 : clamp(normal(0.23, 0.07, r), 0, 0.45), 2),
      category: CATEGORIES[weighted(CATEGORY_WEIGHTS, r)],
      categories_per_visit: 1 + weighted([106, 312, 356, 263, 177, 86], r),
      unpaid_items: Math.min(10, poisson(2.84, r)),
      service_errors: binomial(9, 0.465, r),
      pages_per_visit: Math.round(clamp(normal(8.2, 3.9, r), 1, 20)),
      minutes_previous: Math.round(clamp(normal(13.5, 3.9, r), 5, 23)),
      minutes_current: Math.round(clamp(normal(13.2, 4.2, r), 4, 23)),
      revenue: [rev(4825, 400, 4098, 5663, 1), rev(4937, 700, 2890, 6870, 0.5), rev(5250, 850, 2758, 7800, 0.1)],
      profit: round(clamp(normal(4.0, 1.0, money), 0.86, 7.43), 2)
    });
  }

  // Target from the planted logistic model.
  const model = ONE_CLICK_MODEL.map((m) => ({...m, ...moments(list.map((c) => c[m.feature]))}));
  const scores = list.map((c) => model.reduce((s, m) => s + (m.coef * (c[m.feature] - m.mean)) / m.sd, 0));
  const intercept = calibrateIntercept(scores, ONE_CLICK_DECLINE_RATE);
  const drawTarget = root.fork();
  list.forEach((c, i) => (c.declined = drawTarget() < sigmoid(intercept + scores[i])));

  // Defects.
  const d = root.fork();
  const standard = list.filter((c) => !c.premium);
  const misspelt = new Set(sampleIndices(standard.length, 10, d).map((i) => standard[i].id));
  for (const c of list) c.serviceLabel = c.premium ? "премиум" : misspelt.has(c.id) ? STANDARD_MISSPELT : "стандарт";
  const special = sampleIndices(customers, 4, d).map((i) => list[i]);
  const outlier = special[d.int(4)];
  const inactive = special.filter((c) => c !== outlier);
  const typical = round(outlier.revenue[2], 1);
  outlier.revenue[2] = round(typical * (19 + d() * 3), 1);
  for (const c of inactive) c.revenue[0] = c.revenue[1] = 0;

  // Files.
  const order = root.fork();
  const marketFile = csvText(MARKET_FILE_COLUMNS, list.map((c) => [
    c.id, c.declined ? DECLINED : UNCHANGED, c.serviceLabel, c.consent ? "да" : "нет", plain(c.marketing_6m, 1),
    c.marketing_now, c.tenure_days, plain(c.promo_share, 2), c.category, c.categories_per_visit, c.unpaid_items,
    c.service_errors, c.pages_per_visit
  ]), {eol: "\r\n"});
  const moneyRows = list.flatMap((c) =>
    shuffled([0, 1, 2], order).map((p) => [c.id, PERIODS[p], oneDecimal(c.revenue[p])]));
  const timeRows = list.flatMap((c) =>
    shuffled([0, 1], order).map((p) => (p === 0 ? [c.id, TIME_PREVIOUS_MISSPELT, c.minutes_previous] : [c.id, "текущий_месяц", c.minutes_current])));
  const dir = join(outDir, "one-click");
  mkdirSync(dir, {recursive: true});
  writeFileSync(join(dir, "market_file.csv"), marketFile);
  writeFileSync(join(dir, "market_money.csv"), csvText(["id", "Период", "Выручка"], moneyRows));
  writeFileSync(join(dir, "market_time.csv"), csvText(["id", "Период", "минут"], timeRows));
  writeFileSync(join(dir, "money.csv"), csvText(["id", "Прибыль"], list.map((c) => [c.id, decimalComma(c.profit, 2)]), {separator: ";"}));

  const declinedCount = list.filter((c) => c.declined).length;
  const truth = {
    seed,
    customers,
    ids: {first: ONE_CLICK_FIRST_ID, last: ONE_CLICK_FIRST_ID + customers - 1},
    target: {column: "Покупательская активность", positive: DECLINED, negative: UNCHANGED, count: declinedCount, rate: round(declinedCount / customers, 6)},
    model: {
      intercept: round(intercept, 6),
      features: model.map((m) => ({
        feature: m.feature, file: m.file, column: m.column, ...("period" in m ? {period: m.period} : {}),
        coef: m.coef, mean: round(m.mean, 6), sd: round(m.sd, 6)
      }))
    },
    driverOrder: model.slice().sort((a, b) => Math.abs(b.coef) - Math.abs(a.coef)).map((m) => m.feature),
    profit: {distribution: "normal(4.0, 1.0) clipped to [0.86, 7.43], 2 decimals, independent of the target",
      mean: round(moments(list.map((c) => c.profit)).mean, 6)},
    defects: {
      misspeltServiceType: {file: "market_file.csv", column: "Тип сервиса", label: STANDARD_MISSPELT, correct: "стандарт", count: misspelt.size, ids: [...misspelt]},
      misspeltPeriod: {file: "market_time.csv", column: "Период", label: TIME_PREVIOUS_MISSPELT, correct: "предыдущий_месяц", count: customers},
      revenueOutlier: {file: "market_money.csv", id: outlier.id, period: PERIODS[2], value: outlier.revenue[2], typicalValue: typical},
      inactive: {file: "market_money.csv", ids: inactive.map((c) => c.id), periods: [PERIODS[0], PERIODS[1]], count: inactive.length},
      dialects: {
        "market_file.csv": {separator: ",", decimal: ".", eol: "\r\n"},
        "market_money.csv": {separator: ",", decimal: ".", eol: "\n"},
        "market_time.csv": {separator: ",", decimal: ".", eol: "\n"},
        "money.csv": {separator: ";", decimal: ",", eol: "\n"}
      }
    }
  };
  writeFileSync(join(dir, "truth.json"), JSON.stringify(truth, null, 1) + "\n");
  return truth;
}
