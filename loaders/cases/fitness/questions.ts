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
import type {Label} from "../../stats/words.ts";
import type {FitnessFeatures} from "./features.ts";

export interface QuestionBar {
  label: string;
  value: number;
  /** Members behind the bar. */
  n: number;
}

export interface AnsweredQuestion {
  field: string;
  question: Label;
  /** Whether the difference holds after the family's correction. */
  differs: boolean;
  answer: string;
  meaning: string;
  chart: {title: string; axis: string; kind: "mean" | "median" | "rate"; bars: QuestionBar[]};
}

/** What a difference in a template role means for the club (said only when there is one). */
const ROLE_MEANING: Record<string, string> = {
  classFrequencyCurrentMonth: "This month's visits are partly the leaving itself: a fall in visits is a late warning, when many have already stopped coming, not an early sign.",
  classFrequencyTotal: "How often a member usually trains is known long before they leave, so it can pick out members at risk in time.",
  lifetime: "How long members have been with the club is known in advance: it tells at which point of a membership members are lost, and so when retention effort should come.",
  age: "Age is no lever; it can only help decide whom to contact first.",
  additionalCharges: "Spending on extras goes with how engaged a member is: it marks members at risk, but does not show that selling extras keeps them.",
  contractPeriod: "Members choose their contract, and a member whose contract runs on cannot simply leave next month: the gap is not what a contract offer would achieve. Only the offer tried on part of the members, the rest held back, shows that.",
  partner: "Joining through an employer marks how likely a member is to stay; it does not show that more partnerships would keep members.",
  promoFriends: "How a member joined cannot be changed now; whether training with a friend helps members stay is untested.",
  groupVisits: "Members choose group classes themselves: whether inviting the others keeps them is what a free-class offer with a control group would show.",
  nearLocation: "Where a member lives or works is no lever; it can only help decide whom to contact first.",
  phone: "Whether a member left a phone number is no lever; it may mark how committed they were when they joined.",
  gender: "Gender is no lever; it can only help decide whom to contact first."
};

const OWN_MEANING = "An association in the month observed: it can help pick out members at risk, not show that changing it would keep them.";
const NO_DIFFERENCE = "It does not help pick out members at risk.";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Each question of the family with its answer, meaning and chart; `positive`/`negative`: the target's group labels. */
export function answerQuestions(report: HypothesisReport, spec: Pick<FitnessFeatures, "features" | "roles">, target: {positive: string; negative: string}): AnsweredQuestion[] {
  return report.tests.map((t) => {
    const differs = !!(t.rejectAdjusted ?? t.reject);
    const label = t.variable.en;
    const effect = `${t.effect.magnitude} ${t.effect.name === "Cramér's V" ? "association" : "difference"}, ${t.effect.name} = ${t.effect.value.toFixed(2)}`;
    const pos = t.groups.find((g) => g.label === target.positive)!, neg = t.groups.find((g) => g.label === target.negative)!;
    const meaning = !differs ? NO_DIFFERENCE : spec.roles.has(t.field) ? ROLE_MEANING[t.field] ?? OWN_MEANING : OWN_MEANING;
    const lead = differs ? "Yes" : `No clear difference (it could be chance after ${report.correctionName.en} correction)`;
    if (pos.counts && neg.counts) {
      const levels = spec.features.find((f) => f.field === t.field)?.levels;
      const bars = Object.keys(pos.counts).map((level) => {
        const n = pos.counts![level] + (neg.counts![level] ?? 0);
        return {label: levels?.[level] ?? level, value: n ? pos.counts![level] / n : 0, n};
      });
      return {
        field: t.field, question: t.question, differs, meaning,
        answer: `${lead}: churn rate by ${lower(label)} — ${bars.map((b) => `${b.label}: ${pct(b.value)}`).join(", ")} (${effect}).`,
        chart: {title: `Churn rate by ${lower(label)}, %`, axis: "Churn rate (%) →", kind: "rate", bars}
      };
    }
    const kind = t.test === "Mann–Whitney U test" ? "median" : "mean";
    const bars = [pos, neg].map((g) => ({label: `members who ${g.label}`, value: g[kind]!, n: g.n}));
    return {
      field: t.field, question: t.question, differs, meaning,
      answer: `${lead}: ${kind} ${lower(label)} ${num(bars[0].value)} for members who ${target.positive}, ${num(bars[1].value)} for those who ${target.negative} (${effect}).`,
      chart: {title: `${kind === "mean" ? "Mean" : "Median"} ${lower(label)}, by outcome`, axis: `${label} →`, kind, bars}
    };
  });
}
