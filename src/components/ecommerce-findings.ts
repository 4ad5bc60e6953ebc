/**
 * The e-commerce tests in words for a manager: for each question of the main family
 * (loaders/cases/ecommerce/hypotheses.ts), the answer with its figures and what it means for the
 * mailings. Shared by the Hypotheses page (one block per question) and the Summary, so both say
 * the same. Every figure comes from the test's own groups; "no evidence" is never read as "no
 * difference", a difference with a negligible effect size is said to be negligible (and advised on as none), and a
 * difference between who comes back is never read as the effect of a mailing.
 * The words are in the page's language (src/components/i18n.ts); the test's labels may be Text.
 */
import {formats} from "./format.js";
import {pageLang, tr, type Lang, type Text} from "./i18n.js";
import {magnitudes} from "./glossary.js";

export interface FindingGroup {
  label: Text | string;
  /** The group's name in both languages, where the loader gives one (its label is then the English one the test ran on). */
  name?: Text;
  n: number;
  median?: number;
  proportion?: number;
}

export interface FindingTest {
  id: string;
  question: Text | string;
  rejectAdjusted?: boolean;
  pAdjusted?: number;
  pValue: number;
  groups: FindingGroup[];
  /** `name` is the effect size's English key; `names`, where given, its name in both languages. */
  effect: {name: Text | string; names?: Text; value: number; magnitude: Text | string};
}

export interface Finding {
  id: string;
  /** The question in plain words. */
  title: string;
  /** Yes / No evidence, with the figures that show it. */
  answer: string;
  /** What it means for the mailings. */
  meaning: string;
  /** The test's decision in one short phrase, for a reader who wants it (Holm-adjusted p, effect size). */
  evidence: string;
  /** Whether a chart of medians (money) or of shares back within the horizon shows it, and what its bars are. */
  chart: "median" | "share";
  by: string;
}

const extremes = (groups: FindingGroup[], value: (g: FindingGroup) => number) => {
  const sorted = [...groups].sort((a, b) => value(b) - value(a));
  return {top: sorted[0], bottom: sorted[sorted.length - 1]};
};

/** `horizonDays`: the horizon of the shares back (Kaplan–Meier); `unit`: the case's currency; `lang`: the page's language by default. */
export function findingOf(t: FindingTest, {horizonDays, unit, lang = pageLang}: {horizonDays: number; unit: {currency: string}; lang?: Lang}): Finding {
  const of = (test: FindingTest) => (lang === "ru" ? findingRu(test, horizonDays, unit) : findingEn(test, horizonDays, unit));
  const f = of(t);
  if (!t.rejectAdjusted || tr(t.effect.magnitude, "en") !== "negligible") return f;
  // On tens of thousands of customers a test finds differences too small to matter: the answer says the difference is
  // there and negligible, and the advice is the one for no difference.
  const words = NEGLIGIBLE[lang];
  return {...f, answer: f.answer.replace(/^(Yes|Да): /, words.answer), meaning: `${words.meaning} ${of({...t, rejectAdjusted: false}).meaning}`};
}

/** A difference the test finds but whose effect size is negligible, in words. */
const NEGLIGIBLE: Record<Lang, {answer: string; meaning: string}> = {
  en: {answer: "Yes, but the difference is negligible: ", meaning: "The difference is too small to act on."},
  ru: {answer: "Да, но различие пренебрежимо мало: ", meaning: "Различие слишком мало, чтобы на него опираться."}
};

function findingEn(t: FindingTest, horizonDays: number, unit: {currency: string}): Finding {
  const {money, moneyUnit, pct, pEquals} = formats("en");
  const yes = !!t.rejectAdjusted;
  const evidence = `Holm-adjusted ${pEquals(t.pAdjusted ?? t.pValue)}; ${tr(t.effect.names ?? t.effect.name, "en")} = ${t.effect.value.toFixed(2)}, ${tr(t.effect.magnitude, "en")}`;
  const amount = (x: number | undefined) => money(x ?? NaN, unit);
  const label = (g: FindingGroup) => tr(g.name ?? g.label, "en");
  if (t.id === "aov-at-risk-vs-repeat") {
    const [riskGroup, rest] = t.groups;
    const risk = {...riskGroup, label: label(riskGroup)};
    const more = t.effect.value > 0;
    return {id: t.id, chart: "median", by: "group of customers", evidence, title: `Do ${risk.label} customers spend differently per order?`,
      answer: yes
        ? `Yes: ${risk.label} customers spend ${more ? "more" : "less"} per order — a median order of ${amount(risk.median)} against ${amount(rest.median)} for the other repeat buyers.`
        : `No evidence of a difference: a median order of ${amount(risk.median)} for ${risk.label} customers, ${amount(rest.median)} for the other repeat buyers — a gap chance alone could explain.`,
      meaning: yes
        ? `Set their win-back offer's threshold from their own orders (the mailing plan does), not from other repeat buyers'.`
        : `Nothing here argues for pricing their win-back offer differently from other repeat buyers'; the plan sets it from their own orders either way.`};
  }
  if (t.id === "value-first-category") {
    const {top, bottom} = extremes(t.groups, (g) => g.median ?? NaN);
    return {id: t.id, chart: "median", by: "main category of the first order", evidence, title: "Are first orders larger in some categories?",
      answer: yes
        ? `Yes: a first order mainly in ${label(top)} has a median of ${amount(top.median)}; mainly in ${label(bottom)}, ${amount(bottom.median)}.`
        : `No evidence of a difference: medians run from ${amount(bottom.median)} (${label(bottom)}) to ${amount(top.median)} (${label(top)}), a spread chance alone could explain.`,
      meaning: yes
        ? `A welcome offer's minimum order fits better when set per category of the first order than one amount for all.`
        : `Nothing here argues for a different minimum order per category of the first order.`};
  }
  const byValue = t.id === "return-first-value";
  const what = byValue ? "the value of their first order" : "the category of their first order";
  const {top, bottom} = extremes(t.groups, (g) => g.proportion ?? NaN);
  const share = (g: FindingGroup) => pct(g.proportion ?? NaN);
  // Value groups are labelled "first order 292–674" (amounts in the case's currency); category groups by the category.
  const group = (g: FindingGroup) => (byValue ? `a ${label(g)} ${moneyUnit(unit)}` : `a first order mainly in ${label(g)}`);
  return {id: t.id, chart: "share", by: byValue ? "value of the first order" : "main category of the first order", evidence, title: `Does ${what} tell who comes back?`,
    answer: yes
      ? `Yes: ${share(top)} of customers with ${group(top)} ordered again within ${horizonDays} days, against ${share(bottom)} with ${group(bottom)}.`
      : `No evidence: between ${share(bottom)} and ${share(top)} ordered again within ${horizonDays} days whatever ${what} — a spread chance alone could explain.`,
    meaning: yes
      ? `The follow-up to customers with ${group(bottom)} has the most ground to make up. This describes who comes back; it does not show that ${byValue ? "a larger or smaller first order" : `featuring ${label(top)}`} would bring anyone back — the control group of the first send can.`
      : `Nothing here argues for timing or targeting the follow-up after a first order differently by ${what}.`};
}

/** The same findings for the Russian edition: the same figures, comparison groups and caveats. */
function findingRu(t: FindingTest, horizonDays: number, unit: {currency: string}): Finding {
  const {money, moneyUnit, pct, pEquals, fixed, plural} = formats("ru");
  const yes = !!t.rejectAdjusted;
  const evidence = `${pEquals(t.pAdjusted ?? t.pValue)} с поправкой Холма; ${tr(t.effect.names ?? t.effect.name, "ru")} = ${fixed(t.effect.value, 2)}, ${tr(magnitudes[tr(t.effect.magnitude, "en")] ?? t.effect.magnitude, "ru")}`;
  const amount = (x: number | undefined) => money(x ?? NaN, unit);
  const label = (g: FindingGroup) => tr(g.name ?? g.label, "ru");
  const within = `в течение ${plural(horizonDays, "дня", "дней", "дней")}`;
  if (t.id === "aov-at-risk-vs-repeat") {
    const [risk, rest] = t.groups;
    const more = t.effect.value > 0;
    return {id: t.id, chart: "median", by: "группа клиентов", evidence, title: `Тратят ли клиенты сегмента «${label(risk)}» на заказ иначе?`,
      answer: yes
        ? `Да: клиенты сегмента «${label(risk)}» тратят на заказ ${more ? "больше" : "меньше"} — медианный заказ ${amount(risk.median)} против ${amount(rest.median)} у остальных повторных покупателей.`
        : `Свидетельств различия нет: медианный заказ ${amount(risk.median)} у сегмента «${label(risk)}» и ${amount(rest.median)} у остальных повторных покупателей — такой разрыв может объяснить и случайность.`,
      meaning: yes
        ? `Порог их предложения на возврат задавайте по их собственным заказам (так делает план рассылок), а не по заказам других повторных покупателей.`
        : `Здесь нет довода назначать им предложение на возврат иначе, чем другим повторным покупателям; план в любом случае задаёт порог по их собственным заказам.`};
  }
  if (t.id === "value-first-category") {
    const {top, bottom} = extremes(t.groups, (g) => g.median ?? NaN);
    return {id: t.id, chart: "median", by: "основная категория первого заказа", evidence, title: "Крупнее ли первые заказы в некоторых категориях?",
      answer: yes
        ? `Да: у первого заказа преимущественно из категории «${label(top)}» медиана ${amount(top.median)}; из категории «${label(bottom)}» — ${amount(bottom.median)}.`
        : `Свидетельств различия нет: медианы — от ${amount(bottom.median)} («${label(bottom)}») до ${amount(top.median)} («${label(top)}»), такой разброс может объяснить и случайность.`,
      meaning: yes
        ? `Минимальную сумму приветственного предложения лучше задавать по категории первого заказа, чем одну на всех.`
        : `Здесь нет довода задавать разную минимальную сумму заказа по категории первого заказа.`};
  }
  const byValue = t.id === "return-first-value";
  const what = byValue ? "суммы первого заказа" : "категории первого заказа";
  const {top, bottom} = extremes(t.groups, (g) => g.proportion ?? NaN);
  const share = (g: FindingGroup) => pct(g.proportion ?? NaN);
  // Value groups are labelled by their range of first-order amounts (the case's currency); category groups by the category.
  const group = (g: FindingGroup) => (byValue ? `из группы «${label(g)}» (${moneyUnit(unit)})` : `с первым заказом преимущественно из категории «${label(g)}»`);
  return {id: t.id, chart: "share", by: byValue ? "сумма первого заказа" : "основная категория первого заказа", evidence, title: `Зависит ли от ${what}, кто вернётся?`,
    answer: yes
      ? `Да: ${share(top)} клиентов ${group(top)} заказали снова ${within}, против ${share(bottom)} клиентов ${group(bottom)}.`
      : `Свидетельств нет: снова заказали ${within} от ${share(bottom)} до ${share(top)} клиентов, независимо от ${what}, — такой разброс может объяснить и случайность.`,
    meaning: yes
      ? `Больше всего наверстать предстоит напоминанию клиентам ${group(bottom)}. Это описывает, кто возвращается, но не показывает, что ${byValue ? "больший или меньший первый заказ" : `акцент на категории «${label(top)}»`} кого-то вернёт, — это покажет контрольная группа первой рассылки.`
      : `Здесь нет довода выбирать время или адресатов напоминания после первого заказа в зависимости от ${what}.`};
}
