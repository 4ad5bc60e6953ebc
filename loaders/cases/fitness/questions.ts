/**
 * The Hypotheses page's questions, answered before their statistics: for each test of the family
 * (loaders/analysis/hypotheses.ts), the answer in words with the figures it compares, what it
 * means for the club, and the one chart that shows it:
 *   a number (age, visits)   the two groups' means — medians when the test compared ranks
 *                            (Mann–Whitney), as the test did;
 *   yes/no or categories     the churn rate at each value (churned / members with the value).
 * "Yes" only when the difference holds after the family's correction; otherwise the answer says
 * the data cannot tell it from chance. What a result means is said per template role (members
 * choose their contracts and habits: a difference is an association, not what an action would do);
 * for a column of the analyst's own, in general words.
 */
import type {HypothesisReport} from "../../analysis/types.ts";
import type {Magnitude} from "../../stats/types.ts";
import {tr, type Text} from "../../../src/components/i18n.ts";
import {formats} from "../../../src/components/format.ts";
import type {FitnessFeatures} from "./features.ts";

export interface QuestionBar {
  label: Text;
  value: number;
  /** Members behind the bar. */
  n: number;
  /** Whether the bar is the members who left (a chart of the two outcome groups colours it so). */
  positive?: boolean;
}

export interface AnsweredQuestion {
  field: string;
  question: Text;
  /** Whether the difference holds after the family's correction. */
  differs: boolean;
  answer: Text;
  meaning: Text;
  chart: {title: Text; axis: Text; kind: "mean" | "median" | "rate"; bars: QuestionBar[]};
}

/** What a difference in a template role means for the club (said only when there is one). */
const ROLE_MEANING: Record<string, Text> = {
  classFrequencyCurrentMonth: {en: "This month's visits are partly the leaving itself: a fall in visits is a late warning, when many have already stopped coming, not an early sign.",
    ru: "Посещения этого месяца отчасти и есть сам уход: их падение — поздний сигнал, когда многие уже перестали ходить, а не ранний признак."},
  classFrequencyTotal: {en: "How often a member usually trains is known long before they leave, so it can pick out members at risk in time.",
    ru: "Как часто клиент обычно тренируется, известно задолго до ухода, поэтому по этому признаку можно вовремя выделить клиентов в зоне риска."},
  lifetime: {en: "How long members have been with the club is known in advance: it tells at which point of a membership members are lost, and so when retention effort should come.",
    ru: "Сколько клиент уже в клубе, известно заранее: это показывает, на каком этапе членства клиентов теряют, а значит, когда нужны усилия по удержанию."},
  age: {en: "Age is no lever; it can only help decide whom to contact first.",
    ru: "На возраст повлиять нельзя; он может лишь помочь решить, с кем связаться в первую очередь."},
  additionalCharges: {en: "Spending on extras goes with how engaged a member is: it marks members at risk, but does not show that selling extras keeps them.",
    ru: "Траты на доп. услуги связаны с вовлечённостью клиента: они отмечают клиентов в зоне риска, но не показывают, что продажа доп. услуг их удерживает."},
  contractPeriod: {en: "Members choose their contract, and a member whose contract runs on cannot simply leave next month: the gap is not what a contract offer would achieve. Only the offer tried on part of the members, the rest held back, shows that.",
    ru: "Клиенты сами выбирают абонемент, а клиент, чей абонемент ещё действует, не может просто уйти в следующем месяце: такой разрыв предложение абонемента не даст. Показать эффект может только предложение части клиентов при контрольной группе из остальных."},
  partner: {en: "Joining through an employer marks how likely a member is to stay; it does not show that more partnerships would keep members.",
    ru: "Членство через работодателя отмечает, насколько вероятно, что клиент останется; оно не показывает, что новые партнёрства удержат клиентов."},
  promoFriends: {en: "How a member joined cannot be changed now; whether training with a friend helps members stay is untested.",
    ru: "Как клиент пришёл, теперь не изменить; помогают ли тренировки с другом остаться, не проверено."},
  groupVisits: {en: "Members choose group classes themselves: whether inviting the others keeps them is what a free-class offer with a control group would show.",
    ru: "Клиенты сами выбирают групповые занятия: удержит ли приглашение остальных, покажет предложение бесплатного занятия с контрольной группой."},
  nearLocation: {en: "Where a member lives or works is no lever; it can only help decide whom to contact first.",
    ru: "На то, где клиент живёт или работает, повлиять нельзя; это может лишь помочь решить, с кем связаться в первую очередь."},
  phone: {en: "Whether a member left a phone number is no lever; it may mark how committed they were when they joined.",
    ru: "Оставил ли клиент телефон — не рычаг; это может отмечать, насколько он был настроен при записи."},
  gender: {en: "Gender is no lever; it can only help decide whom to contact first.",
    ru: "На пол повлиять нельзя; он может лишь помочь решить, с кем связаться в первую очередь."}
};

const OWN_MEANING: Text = {en: "An association in the month observed: it can help pick out members at risk, not show that changing it would keep them.",
  ru: "Связь в наблюдаемом месяце: она может помочь выделить клиентов в зоне риска, но не показывает, что изменение признака их удержит."};
const NO_DIFFERENCE: Text = {en: "It does not help pick out members at risk.", ru: "Выделить клиентов в зоне риска это не помогает."};

/** An effect's size in Russian: a difference is «небольшая … большая», an association «слабая … сильная» (both feminine). */
const MAGNITUDE_RU: Record<"difference" | "association", Record<Magnitude, string>> = {
  difference: {negligible: "пренебрежимо малая", small: "небольшая", medium: "умеренная", large: "большая"},
  association: {negligible: "пренебрежимо слабая", small: "слабая", medium: "умеренная", large: "сильная"}
};
const EFFECT_NAME_RU: Record<string, string> = {"Cohen's d": "d Коэна", "rank-biserial r": "рангово-бисериальный r", "Cramér's V": "V Крамера"};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
const ru = formats("ru");
const numRu = (x: number) => ru.fixed(x, Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2);
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Each question of the family with its answer, meaning and chart; `positive`/`negative`: the target's group labels. */
export function answerQuestions(report: HypothesisReport, spec: Pick<FitnessFeatures, "features" | "roles" | "hypotheses">, target: {positive: string; negative: string}): AnsweredQuestion[] {
  return report.tests.map((t) => {
    const differs = !!(t.rejectAdjusted ?? t.reject);
    // The shared analysis may write the variable, question and correction's name as Text: read the English of each.
    const label = tr(t.variable as Text | string, "en");
    const hypothesis = spec.hypotheses.find((h) => h.field === t.field);
    const labelRu = hypothesis?.ru.label ?? label;
    const question = {en: tr(t.question as Text | string, "en"), ru: hypothesis?.ru.question ?? tr(t.question as Text | string, "ru")};
    const correction = {en: tr(report.correctionName as Text | string, "en"), ru: tr(report.correctionName as Text | string, "ru")};
    const association = t.effect.name === "Cramér's V";
    const effect = `${t.effect.magnitude} ${association ? "association" : "difference"}, ${t.effect.name} = ${t.effect.value.toFixed(2)}`;
    const effectRu = `${MAGNITUDE_RU[association ? "association" : "difference"][t.effect.magnitude]} ${association ? "связь" : "разница"}, ${EFFECT_NAME_RU[t.effect.name] ?? t.effect.name} = ${ru.fixed(t.effect.value, 2)}`;
    const pos = t.groups.find((g) => g.label === target.positive)!, neg = t.groups.find((g) => g.label === target.negative)!;
    const meaning = !differs ? NO_DIFFERENCE : spec.roles.has(t.field) ? ROLE_MEANING[t.field] ?? OWN_MEANING : OWN_MEANING;
    const lead = differs ? {en: "Yes", ru: "Да"}
      : {en: `No clear difference (it could be chance after ${correction.en} correction)`, ru: `Явной разницы нет (с поправкой ${correction.ru === "Holm" ? "Холма" : correction.ru} она может быть случайной)`};
    if (pos.counts && neg.counts) {
      const feature = spec.features.find((f) => f.field === t.field);
      const bars = Object.keys(pos.counts).map((level) => {
        const n = pos.counts![level] + (neg.counts![level] ?? 0);
        return {label: {en: feature?.levels?.[level] ?? level, ru: feature?.ru.levels?.[level] ?? level}, value: n ? pos.counts![level] / n : 0, n};
      });
      return {
        field: t.field, question, differs, meaning,
        answer: {
          en: `${lead.en}: churn rate by ${lower(label)} — ${bars.map((b) => `${b.label.en}: ${pct(b.value)}`).join(", ")} (${effect}).`,
          ru: `${lead.ru}: доля ушедших по признаку «${labelRu}» — ${bars.map((b) => `${b.label.ru}: ${ru.pct(b.value)}`).join(", ")} (${effectRu}).`
        },
        chart: {title: {en: `Churn rate by ${lower(label)}, %`, ru: `Доля ушедших по признаку «${labelRu}», %`}, axis: {en: "Churn rate (%) →", ru: "Доля ушедших (%) →"}, kind: "rate", bars}
      };
    }
    const kind = t.test === "Mann–Whitney U test" ? "median" : "mean";
    const kindRu = kind === "median" ? "медиана" : "среднее";
    const who = {[target.positive]: {en: `members who ${target.positive}`, ru: "ушедшие клиенты"},
      [target.negative]: {en: `members who ${target.negative}`, ru: "оставшиеся клиенты"}};
    const bars = [pos, neg].map((g) => ({label: who[g.label], value: g[kind]!, n: g.n, positive: g === pos}));
    return {
      field: t.field, question, differs, meaning,
      answer: {
        en: `${lead.en}: ${kind} ${lower(label)} ${num(bars[0].value)} for members who ${target.positive}, ${num(bars[1].value)} for those who ${target.negative} (${effect}).`,
        ru: `${lead.ru}: ${kindRu} по признаку «${labelRu}» — ${numRu(bars[0].value)} у ушедших клиентов и ${numRu(bars[1].value)} у оставшихся (${effectRu}).`
      },
      chart: {title: {en: `${kind === "mean" ? "Mean" : "Median"} ${lower(label)}, by outcome`, ru: `${kind === "mean" ? "Среднее" : "Медиана"}: ${lower(labelRu)}, по исходу`},
        axis: {en: `${label} →`, ru: `${labelRu} →`}, kind, bars}
    };
  });
}
