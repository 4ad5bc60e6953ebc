/**
 * Charts and sentences of the experiment (A/B test) pages, from the artifacts of
 * loaders/cases/experiment.ts. Control is drawn in the muted colour, treatment in the highlight.
 */
import * as Plot from "@observablehq/plot";
import {CHOSEN, MUTED, NEGATIVE} from "./palette.js";
import {fixed, formatP, int, pct} from "./format.js";

type Pair = [number, number];
interface Interval {value: number; lo: number; hi: number}
interface StepLift {step: string; share: Pair; lift: Interval | null; difference: Interval; pAdjusted: number; significant: boolean}
interface Plan {control: string; treatment: string; expectedLift: number; alpha: number; power: number; primary: string; windowDays: number; funnel: string[]}

/** Signed percent: +12.3% / −4.0%. */
export const signedPct = (x: number, digits = 1) => `${x > 0 ? "+" : x < 0 ? "−" : ""}${pct(Math.abs(x), digits)}`;
export const interval = (i: Interval, f = signedPct) => `95% CI ${f(i.lo)} to ${f(i.hi)}`;
export const groupColor = (plan: Plan) => ({domain: [plan.control, plan.treatment], range: [MUTED, CHOSEN], legend: true});

/** Relative lift per funnel step with its 95 % interval (treatment vs control); a zero line. */
export function LiftChart(steps: StepLift[], plan: Plan, {width}: {width: number}) {
  const rows = steps.filter((s) => s.lift).map((s) => ({step: s.step, ...s.lift!, significant: s.significant ? "significant (Holm)" : "not significant"}));
  return Plot.plot({
    width, height: 60 + 44 * rows.length, marginLeft: 110, marginRight: 20,
    title: `Relative lift of ${plan.treatment} over ${plan.control} per step (%, 95% CI)`,
    ariaLabel: "Relative lift per funnel step",
    ariaDescription: rows.map((r) => `${r.step}: ${signedPct(r.value)} (${interval(r)})`).join("; "),
    x: {label: "Relative lift (%) →", tickFormat: (d: number) => `${fixed(d * 100, 0)}%`, grid: true},
    y: {label: null, domain: rows.map((r) => r.step)},
    color: {domain: ["significant (Holm)", "not significant"], range: [CHOSEN, MUTED], legend: true},
    marks: [
      Plot.ruleX([0]),
      Plot.ruleX([plan.expectedLift], {stroke: NEGATIVE, strokeDasharray: "4,3"}),
      Plot.text([plan.expectedLift], {x: (d: number) => d, frameAnchor: "top", dy: -2, text: () => "expected", fill: NEGATIVE, fontSize: 10}),
      Plot.link(rows, {x1: "lo", x2: "hi", y1: "step", y2: "step", stroke: "significant", strokeWidth: 3}),
      Plot.dot(rows, {x: "value", y: "step", fill: "significant", r: 5})
    ]
  });
}

/** Share of participants reaching each step, per group (bars from zero). */
export function FunnelChart(steps: {step: string; share: Pair}[], plan: Plan, {width}: {width: number}) {
  const rows = steps.flatMap((s) => [plan.control, plan.treatment].map((group, g) => ({step: s.step, group, share: s.share[g]})));
  return Plot.plot({
    width, height: 70 + 50 * steps.length, marginLeft: 110,
    title: "Participants reaching each step within their window, by group (% of participants)",
    ariaLabel: "Funnel by group",
    ariaDescription: steps.map((s) => `${s.step}: ${plan.control} ${pct(s.share[0])}, ${plan.treatment} ${pct(s.share[1])}`).join("; "),
    x: {label: "Share of participants (%) →", domain: [0, 1], tickFormat: (d: number) => `${fixed(d * 100, 0)}%`, grid: true},
    y: {label: null, domain: [plan.control, plan.treatment], axis: null},
    fy: {label: null, domain: steps.map((s) => s.step), axis: "left"},
    color: groupColor(plan),
    marks: [
      Plot.barX(rows, {x: "share", y: "group", fy: "step", fill: "group"}),
      Plot.text(rows, {x: "share", y: "group", fy: "step", text: (d: {share: number}) => pct(d.share), dx: 4, textAnchor: "start", fontSize: 10}),
      Plot.ruleX([0])
    ]
  });
}

interface Look {date: string; difference: number; lo: number; hi: number; pValue: number; naivePValue: number; share: Pair; users: Pair}

/** The difference (points) by day with the always-valid confidence sequence. */
export function SequenceChart(looks: Look[], {width, step}: {width: number; step: string}) {
  const rows = looks.map((l) => ({...l, date: new Date(`${l.date}T00:00:00Z`), lo: Number.isFinite(l.lo) ? l.lo : null, hi: Number.isFinite(l.hi) ? l.hi : null}));
  return Plot.plot({
    width, height: 300,
    title: `${step}: difference treatment − control by day (percentage points) with the always-valid 95% band`,
    ariaLabel: `Always-valid readout of ${step} by day`,
    ariaDescription: `Last day: difference ${fixed(looks.at(-1)!.difference * 100, 1)} points, band ${fixed(looks.at(-1)!.lo * 100, 1)} to ${fixed(looks.at(-1)!.hi * 100, 1)}.`,
    x: {label: "Day the users' windows closed", type: "utc"},
    y: {label: "↑ Difference (points)", tickFormat: (d: number) => fixed(d * 100, 0), grid: true},
    marks: [
      Plot.areaY(rows.filter((r) => r.lo !== null), {x: "date", y1: "lo", y2: "hi", fill: CHOSEN, fillOpacity: 0.2}),
      Plot.ruleY([0]),
      Plot.line(rows, {x: "date", y: "difference", stroke: CHOSEN, strokeWidth: 2}),
      Plot.dot(rows, {x: "date", y: "difference", fill: CHOSEN, r: 3, tip: true, title: (d: Look) => `${d.date}: ${fixed(d.difference * 100, 1)} points\nalways-valid p ${formatP(d.pValue)}\ndaily p ${formatP(d.naivePValue)}`})
    ]
  });
}

/** Daily p-values: always-valid vs the fixed-horizon one peeking reads (log scale), with α. */
export function PValueChart(looks: Look[], alpha: number, {width}: {width: number}) {
  const rows = looks.flatMap((l) => [
    {date: new Date(`${l.date}T00:00:00Z`), p: Math.max(l.pValue, 1e-12), kind: "always-valid (mSPRT)"},
    {date: new Date(`${l.date}T00:00:00Z`), p: Math.max(l.naivePValue, 1e-12), kind: "daily z-test (peeking)"}
  ]);
  return Plot.plot({
    width, height: 240,
    title: "p-value by day: always-valid vs daily z-test (log scale)",
    ariaLabel: "Daily p-values",
    ariaDescription: `${looks.filter((l) => l.naivePValue < alpha).length} days with a daily p below ${alpha}; always-valid p on the last day ${formatP(looks.at(-1)!.pValue)}.`,
    x: {label: "Day", type: "utc"},
    y: {label: "↑ p-value", type: "log", domain: [Math.min(1e-4, ...rows.map((r) => r.p)), 1], grid: true, ticks: [1e-12, 1e-9, 1e-6, 1e-4, 1e-3, 0.01, 0.05, 0.1, 1].filter((x) => x >= Math.min(1e-4, ...rows.map((r) => r.p))), tickFormat: (d: number) => (d >= 1e-3 ? String(d) : d.toExponential(0))},
    color: {domain: ["always-valid (mSPRT)", "daily z-test (peeking)"], range: [CHOSEN, MUTED], legend: true},
    marks: [Plot.ruleY([alpha], {stroke: NEGATIVE, strokeDasharray: "4,3"}), Plot.line(rows, {x: "date", y: "p", stroke: "kind", strokeWidth: 2})]
  });
}

interface Summary {
  test: string;
  verdict: {decision: string; reason: string; primary: string};
  participants: Pair;
  primary: StepLift;
  steps: StepLift[];
  revenue: {mean: Pair; difference: Interval; pValue: number};
  validity: {blocking: string[]; caveats: string[]; srm: {pValue: number; flagged: boolean; expected: Pair; plannedSplit: number};
    campaigns: {name: string; days: number; start: string; finish: string}[]; excludedUsers: number};
  power: {mde: number; powerForExpected: number; neededControl: number; neededTreatment: number};
}

const shares = (s: StepLift, plan: Plan) => `${pct(s.share[0])} in ${plan.control} and ${pct(s.share[1])} in ${plan.treatment}`;
const liftText = (s: StepLift) => (s.lift ? `${signedPct(s.lift.value)} (${interval(s.lift)})` : "undefined (no participant reached it in one group)");

/** The verdict in one sentence. */
export function answerText(t: Summary, plan: Plan): string {
  const p = t.primary;
  const step = `reaching ${p.step}`;
  switch (t.verdict.decision) {
    case "untrusted":
      return t.verdict.reason === "srm"
        ? `Do not decide on this test: it has ${int(t.participants[0])} participants in ${plan.control} and ${int(t.participants[1])} in ${plan.treatment} where the planned split expects ${int(t.validity.srm.expected[0])} and ${int(t.validity.srm.expected[1])}; a gap this large arises by chance with p ${formatP(t.validity.srm.pValue)}, so assignment is broken and the groups are not comparable.`
        : `Do not decide on this test: its groups differ in how many of their users are in another test's treatment group, so they are not comparable.`;
    case "ship":
      return `Ship: the share of participants ${step} is ${shares(p, plan)}, a lift of ${liftText(p)}, significant after Holm's correction over ${plan.funnel.length} steps.`;
    case "do-not-ship":
      return t.verdict.reason === "lower"
        ? `Do not ship: the share of participants ${step} fell, ${shares(p, plan)} (lift ${liftText(p)}, significant after Holm's correction).`
        : `Do not ship on this evidence: the share of participants ${step} is ${shares(p, plan)}, a lift of ${liftText(p)}; the expected ${signedPct(plan.expectedLift, 0)} lies above the whole interval.`;
    default:
      return `Inconclusive: the share of participants ${step} is ${shares(p, plan)}, a lift of ${liftText(p)}; the test could detect only lifts of ${signedPct(t.power.mde)} or more, and the expected ${signedPct(plan.expectedLift, 0)} would have needed ${int(t.power.neededControl)} participants per group (it had ${int(t.participants[0])}).`;
  }
}

/** 3–5 actions, each with who (how many), the effect and the cost in the test's own units. */
export function actionTexts(t: Summary, plan: Plan): string[] {
  const total = t.participants[0] + t.participants[1];
  const needed = t.power.neededControl + t.power.neededTreatment;
  const out: string[] = [];
  const srm = t.validity.srm;
  if (t.verdict.decision === "untrusted" && srm.flagged) {
    const gap = t.participants[1] - srm.expected[1];
    out.push(`Find why ${plan.treatment} has ${int(Math.abs(gap))} participants ${gap < 0 ? "fewer" : "more"} than the planned ${pct(srm.plannedSplit, 0)} split gives (${int(t.participants[1])} of ${int(total)}), before reading any lift: check the assignment and its logging.`);
  }
  if (t.verdict.decision === "ship") out.push(`Roll the feature out to all users: ${p(t)} more of every 100 participants reached ${t.primary.step} in ${plan.treatment}.`);
  if (t.verdict.decision === "do-not-ship") out.push(`Keep the current version for all users: the ${int(total)} participants show no lift of ${signedPct(plan.expectedLift, 0)} on ${t.primary.step}.`);
  if (t.verdict.decision === "inconclusive") out.push(`Do not roll out yet: across ${int(total)} participants the lift on ${t.primary.step} is ${signedPct(t.primary.lift?.value ?? 0)}, with an interval wide enough to hold both no effect and the expected ${signedPct(plan.expectedLift, 0)}.`);
  if (t.verdict.decision !== "ship" && Number.isFinite(needed)) {
    out.push(`${t.verdict.decision === "untrusted" ? "Rerun the test once assignment is fixed" : "Extend or rerun the test"} with ${int(t.power.neededControl)} participants in ${plan.control} and ${int(t.power.neededTreatment)} in ${plan.treatment} (${int(needed)} in all; this test had ${int(total)}): enough to detect ${signedPct(plan.expectedLift, 0)} on ${t.primary.step} with ${pct(plan.power, 0)} power.`);
  }
  const other = t.steps.find((s) => s.step !== t.primary.step && s.significant && s.lift);
  if (other && t.verdict.decision !== "untrusted") out.push(`Find out why ${other.step} moved by ${signedPct(other.lift!.value)} (${interval(other.lift!)}) while ${t.primary.step} moved by ${signedPct(t.primary.lift?.value ?? 0)}: the change stops before the goal.`);
  for (const c of t.validity.campaigns.slice(0, 1)) out.push(`Keep the next run clear of campaigns in the test's region: “${c.name}” ran ${int(c.days)} of the test's days (${c.start} to ${c.finish}) for both groups.`);
  if (t.validity.excludedUsers) out.push(`Fix the participant export: ${int(t.validity.excludedUsers)} users were left out (in both groups, an unknown group label, no sign-up record or outside the audience); see the Validity page.`);
  return out.slice(0, 5);
}

const p = (t: Summary) => fixed(t.primary.difference.value * 100, 1);
