/**
 * The e-commerce tests in words for a manager: for each question of the main family
 * (loaders/cases/ecommerce/hypotheses.ts), the answer with its figures and what it means for the
 * mailings. Shared by the Hypotheses page (one block per question) and the Summary, so both say
 * the same. Every figure comes from the test's own groups; "no evidence" is never read as "no
 * difference", and a difference between who comes back is never read as the effect of a mailing.
 * Written in the page's language (or `lang`): a group is named by its `name` (both languages) when
 * the loader gives one, else by its label.
 */
import {formats} from "./format.js";
import {pageLang, tr, type Lang, type Text} from "./i18n.js";

export interface FindingGroup {
  label: string;
  /** The group's name in both languages (the label is the English one the test ran on). */
  name?: Text;
  n: number;
  median?: number;
  proportion?: number;
}

export interface FindingTest {
  id: string;
  question: string | Text;
  rejectAdjusted?: boolean;
  pAdjusted?: number;
  pValue: number;
  groups: FindingGroup[];
  effect: {name: string; value: number; magnitude: string};
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

/** Effect sizes' magnitudes and names as a Russian text writes them. */
const MAGNITUDE_RU: Record<string, string> = {negligible: "пренебрежимо малый", small: "малый", medium: "средний", large: "большой"};
const effectNameRu = (name: string) =>
  name === "epsilon²" ? "ε²" : name === "rank-biserial r" ? "рангово-бисериальный r" : /^gap in the share/.test(name) ? "разница долей вернувшихся" : name;

/** `horizonDays`: the horizon of the shares back (Kaplan–Meier); `unit`: the case's currency; `lang`: the language (the page's by default). */
export function findingOf(t: FindingTest, options: {horizonDays: number; unit: {currency: string}; lang?: Lang}): Finding {
  const f = finding(t, options);
  // One full stop after a unit that ends in its own ("ден. ед.", "руб.").
  const stop = (s: string) => s.replace(/\.\.(?=\s|$)/g, ".");
  return {...f, answer: stop(f.answer), meaning: stop(f.meaning)};
}

function finding(t: FindingTest, {horizonDays, unit, lang = pageLang}: {horizonDays: number; unit: {currency: string}; lang?: Lang}): Finding {
  const {money, moneyUnit, pct, pEquals, fixed, plural} = formats(lang);
  const yes = !!t.rejectAdjusted;
  const ru = lang === "ru";
  const name = (g: FindingGroup) => tr(g.name ?? g.label, lang);
  const evidence = ru
    ? `${pEquals(t.pAdjusted ?? t.pValue)} с поправкой Холма; ${effectNameRu(t.effect.name)} = ${fixed(t.effect.value, 2)}, ${MAGNITUDE_RU[t.effect.magnitude] ?? t.effect.magnitude}`
    : `Holm-adjusted ${pEquals(t.pAdjusted ?? t.pValue)}; ${t.effect.name} = ${t.effect.value.toFixed(2)}, ${t.effect.magnitude}`;
  const amount = (x: number | undefined) => money(x ?? NaN, unit);
  if (t.id === "aov-at-risk-vs-repeat") {
    const [risk, rest] = t.groups;
    const more = t.effect.value > 0;
    if (ru) return {id: t.id, chart: "median", by: "группа клиентов", evidence, title: `Тратят ли клиенты сегмента «${name(risk)}» на заказ иначе?`,
      answer: yes
        ? `Да: клиенты сегмента «${name(risk)}» тратят на заказ ${more ? "больше" : "меньше"} — медианный заказ ${amount(risk.median)} против ${amount(rest.median)} у остальных повторных покупателей.`
        : `Различие не доказано: медианный заказ ${amount(risk.median)} у клиентов сегмента «${name(risk)}» и ${amount(rest.median)} у остальных повторных покупателей — такой разрыв мог возникнуть случайно.`,
      meaning: yes
        ? "Порог их предложения для возвращения задавайте по их собственным заказам (так и делает план рассылок), а не по заказам других повторных покупателей."
        : "Ничто здесь не говорит в пользу того, чтобы оценивать их предложение для возвращения иначе, чем для других повторных покупателей; план в любом случае задаёт порог по их собственным заказам."};
    return {id: t.id, chart: "median", by: "group of customers", evidence, title: `Do ${name(risk)} customers spend differently per order?`,
      answer: yes
        ? `Yes: ${name(risk)} customers spend ${more ? "more" : "less"} per order — a median order of ${amount(risk.median)} against ${amount(rest.median)} for the other repeat buyers.`
        : `No evidence of a difference: a median order of ${amount(risk.median)} for ${name(risk)} customers, ${amount(rest.median)} for the other repeat buyers — a gap chance alone could explain.`,
      meaning: yes
        ? `Set their win-back offer's threshold from their own orders (the mailing plan does), not from other repeat buyers'.`
        : `Nothing here argues for pricing their win-back offer differently from other repeat buyers'; the plan sets it from their own orders either way.`};
  }
  if (t.id === "value-first-category") {
    const {top, bottom} = extremes(t.groups, (g) => g.median ?? NaN);
    if (ru) return {id: t.id, chart: "median", by: "основная категория первого заказа", evidence, title: "Крупнее ли первые заказы в некоторых категориях?",
      answer: yes
        ? `Да: у первого заказа в основном из категории «${name(top)}» медиана ${amount(top.median)}, из категории «${name(bottom)}» — ${amount(bottom.median)}.`
        : `Различие не доказано: медианы — от ${amount(bottom.median)} («${name(bottom)}») до ${amount(top.median)} («${name(top)}»), такой разброс мог возникнуть случайно.`,
      meaning: yes
        ? "Минимальную сумму заказа для приветственного предложения лучше задавать по категории первого заказа, чем одну для всех."
        : "Ничто здесь не говорит в пользу разной минимальной суммы заказа для разных категорий первого заказа."};
    return {id: t.id, chart: "median", by: "main category of the first order", evidence, title: "Are first orders larger in some categories?",
      answer: yes
        ? `Yes: a first order mainly in ${name(top)} has a median of ${amount(top.median)}; mainly in ${name(bottom)}, ${amount(bottom.median)}.`
        : `No evidence of a difference: medians run from ${amount(bottom.median)} (${name(bottom)}) to ${amount(top.median)} (${name(top)}), a spread chance alone could explain.`,
      meaning: yes
        ? `A welcome offer's minimum order fits better when set per category of the first order than one amount for all.`
        : `Nothing here argues for a different minimum order per category of the first order.`};
  }
  const byValue = t.id === "return-first-value";
  const {top, bottom} = extremes(t.groups, (g) => g.proportion ?? NaN);
  const share = (g: FindingGroup) => pct(g.proportion ?? NaN);
  if (ru) {
    // Value groups are named "первый заказ 292–674" (amounts in the case's currency); category groups by the category.
    const group = (g: FindingGroup) => (byValue ? `клиентов, у которых ${name(g)} ${moneyUnit(unit)}` : `клиентов, чей первый заказ в основном из категории «${name(g)}»`);
    const what = byValue ? "стоимость их первого заказа" : "категория их первого заказа";
    const within = `в течение ${plural(horizonDays, "дня", "дней", "дней")}`;
    return {id: t.id, chart: "share", by: byValue ? "стоимость первого заказа" : "основная категория первого заказа", evidence, title: `Говорит ли ${what} о том, кто вернётся?`,
      answer: yes
        ? `Да: ${within} снова заказали ${share(top)} ${group(top)}, против ${share(bottom)} ${group(bottom)}.`
        : `Не доказано: ${within} снова заказали от ${share(bottom)} до ${share(top)} клиентов, какой бы ни была ${what}, — такой разброс мог возникнуть случайно.`,
      meaning: yes
        ? `Больше всего предстоит наверстать последующим письмам для ${group(bottom)}. Это описание того, кто возвращается; оно не показывает, что ${byValue ? "более крупный или более мелкий первый заказ" : `показ категории «${name(top)}»`} вернул бы кого-либо, — это покажет контрольная группа первой рассылки.`
        : `Ничто здесь не говорит в пользу того, чтобы по-разному выбирать время или адресатов письма после первого заказа в зависимости от ${byValue ? "стоимости" : "категории"} первого заказа.`};
  }
  const what = byValue ? "the value of their first order" : "the category of their first order";
  // Value groups are labelled "first order 292–674" (amounts in the case's currency); category groups by the category.
  const group = (g: FindingGroup) => (byValue ? `a ${name(g)} ${moneyUnit(unit)}` : `a first order mainly in ${name(g)}`);
  return {id: t.id, chart: "share", by: byValue ? "value of the first order" : "main category of the first order", evidence, title: `Does ${what} tell who comes back?`,
    answer: yes
      ? `Yes: ${share(top)} of customers with ${group(top)} ordered again within ${horizonDays} days, against ${share(bottom)} with ${group(bottom)}.`
      : `No evidence: between ${share(bottom)} and ${share(top)} ordered again within ${horizonDays} days whatever ${what} — a spread chance alone could explain.`,
    meaning: yes
      ? `The follow-up to customers with ${group(bottom)} has the most ground to make up. This describes who comes back; it does not show that ${byValue ? "a larger or smaller first order" : `featuring ${name(top)}`} would bring anyone back — the control group of the first send can.`
      : `Nothing here argues for timing or targeting the follow-up after a first order differently by ${what}.`};
}
