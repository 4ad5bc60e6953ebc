/**
 * Charts and sentences of the experiment (A/B test) pages, from the artifacts of
 * loaders/cases/experiment.ts. Control is drawn in the muted colour, treatment in the highlight.
 * Every text is in the page's language (a sentence function also takes a language, for tests).
 */
import * as Plot from "@observablehq/plot";
import {CHOSEN, MUTED, NEGATIVE} from "./palette.js";
import {formats} from "./format.js";
import {pageLang, tr, type Lang} from "./i18n.js";
import {nouns} from "./glossary.js";

type Pair = [number, number];
interface Interval {value: number; lo: number; hi: number}
interface StepLift {step: string; share: Pair; lift: Interval | null; difference: Interval; pAdjusted: number; significant: boolean}
interface Plan {control: string; treatment: string; expectedLift: number; alpha: number; power: number; primary: string; windowDays: number; funnel: string[]}

/** Signed percent: +12.3% / −4.0% (ru: +12,3 % / −4,0 %). */
export const signedPct = (x: number, digits = 1, lang: Lang = pageLang) => `${x > 0 ? "+" : x < 0 ? "−" : ""}${formats(lang).pct(Math.abs(x), digits)}`;
/** "95% CI +1.0% to +5.0%" (ru: "95 % ДИ от +1,0 % до +5,0 %"). */
export const interval = (i: Interval, f = (x: number) => signedPct(x), lang: Lang = pageLang) =>
  lang === "ru" ? `95${"\u202F"}% ДИ от ${f(i.lo)} до ${f(i.hi)}` : `95% CI ${f(i.lo)} to ${f(i.hi)}`;
/** "from … to …" between two formatted ends ("−1.0 to 2.0"; ru "от −1,0 до 2,0"). */
export const range = (lo: string, hi: string, lang: Lang = pageLang) => (lang === "ru" ? `от ${lo} до ${hi}` : `${lo} to ${hi}`);
/** A group in a sentence: "A" (ru: "группа A"; `in` gives "в группе A"). */
export const inGroup = (label: string, lang: Lang = pageLang) => (lang === "ru" ? `в группе ${label}` : `in ${label}`);
/** A funnel step named in Russian text: «product_page». */
const quoted = (step: string, lang: Lang) => (lang === "ru" ? `«${step}»` : step);
/** Ticks of a day axis in Russian: the day, and the month ("дек.") under the first tick of each month.
 *  English keeps Plot's own ticks. */
const dayTicks = pageLang === "ru"
  ? (d: Date, i: number, ticks?: Date[]) => {
    const month = i === 0 || (ticks ? ticks[i - 1].getUTCMonth() !== d.getUTCMonth() : d.getUTCDate() === 1);
    return month ? `${d.getUTCDate()}\n${d.toLocaleDateString("ru-RU", {month: "short", timeZone: "UTC"})}` : String(d.getUTCDate());
  }
  : undefined;
/** A small p on a log axis: "1e-4" (ru: "10⁻⁴", no Latin letter in Russian text). */
const smallP = (d: number) => {
  if (pageLang !== "ru") return d.toExponential(0);
  const [mantissa, exponent] = d.toExponential(0).split("e");
  const sup = (s: string) => [...s].map((c) => (c === "-" ? "⁻" : "⁰¹²³⁴⁵⁶⁷⁸⁹"[Number(c)] ?? c)).join("");
  return `${mantissa === "1" ? "" : `${mantissa}·`}10${sup(String(Number(exponent)))}`;
};
export const groupColor = (plan: Plan) => ({domain: [plan.control, plan.treatment], range: [MUTED, CHOSEN], legend: true});

/** Relative lift per funnel step with its 95 % interval (treatment vs control); a zero line. */
export function LiftChart(steps: StepLift[], plan: Plan, {width}: {width: number}) {
  const {pct} = formats(pageLang);
  const yes = tr({en: "significant (Holm)", ru: "значим (поправка Холма)"});
  const no = tr({en: "not significant", ru: "не значим"});
  const rows = steps.filter((s) => s.lift).map((s) => ({step: s.step, ...s.lift!, significant: s.significant ? yes : no}));
  return Plot.plot({
    width, height: 60 + 44 * rows.length, marginLeft: 110, marginRight: 20,
    title: tr({en: `Relative lift of ${plan.treatment} over ${plan.control} per step (%, 95% CI)`,
      ru: `Относительный прирост группы ${plan.treatment} к группе ${plan.control} по шагам (%, 95-процентный ДИ)`}),
    ariaLabel: tr({en: "Relative lift per funnel step", ru: "Относительный прирост по шагам воронки"}),
    ariaDescription: rows.map((r) => `${r.step}: ${signedPct(r.value)} (${interval(r)})`).join("; "),
    x: {label: tr({en: "Relative lift (%) →", ru: "Относительный прирост (%) →"}), tickFormat: (d: number) => pct(d, 0), grid: true},
    y: {label: null, domain: rows.map((r) => r.step)},
    color: {domain: [yes, no], range: [CHOSEN, MUTED], legend: true},
    marks: [
      Plot.ruleX([0]),
      Plot.ruleX([plan.expectedLift], {stroke: NEGATIVE, strokeDasharray: "4,3"}),
      Plot.text([plan.expectedLift], {x: (d: number) => d, frameAnchor: "top", dy: -2, text: () => tr({en: "expected", ru: "ожидаемый"}), fill: NEGATIVE, fontSize: 10}),
      Plot.link(rows, {x1: "lo", x2: "hi", y1: "step", y2: "step", stroke: "significant", strokeWidth: 3}),
      Plot.dot(rows, {x: "value", y: "step", fill: "significant", r: 5})
    ]
  });
}

/** Share of participants reaching each step, per group (bars from zero). */
export function FunnelChart(steps: {step: string; share: Pair}[], plan: Plan, {width}: {width: number}) {
  const {pct} = formats(pageLang);
  const rows = steps.flatMap((s) => [plan.control, plan.treatment].map((group, g) => ({step: s.step, group, share: s.share[g]})));
  return Plot.plot({
    width, height: 70 + 50 * steps.length, marginLeft: 110, marginRight: 44,
    title: tr({en: "Participants reaching each step within their window, by group (% of participants)",
      ru: "Участники, дошедшие до каждого шага за своё окно наблюдения, по группам (% участников)"}),
    ariaLabel: tr({en: "Funnel by group", ru: "Воронка по группам"}),
    ariaDescription: steps.map((s) => `${s.step}: ${plan.control} ${pct(s.share[0])}, ${plan.treatment} ${pct(s.share[1])}`).join("; "),
    x: {label: tr({en: "Share of participants (%) →", ru: "Доля участников (%) →"}), domain: [0, 1], tickFormat: (d: number) => pct(d, 0), grid: true},
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
  const {fixed, formatP} = formats(pageLang);
  const rows = looks.map((l) => ({...l, date: new Date(`${l.date}T00:00:00Z`), lo: Number.isFinite(l.lo) ? l.lo : null, hi: Number.isFinite(l.hi) ? l.hi : null}));
  const last = looks.at(-1)!;
  return Plot.plot({
    width, height: 300,
    title: tr({en: `${step}: difference treatment − control by day (percentage points) with the always-valid 95% band`,
      ru: `«${step}»: разница «тестовая − контрольная» по дням (процентные пункты) с последовательной 95-процентной полосой`}),
    ariaLabel: tr({en: `Always-valid readout of ${step} by day`, ru: `Последовательная оценка шага «${step}» по дням`}),
    ariaDescription: tr({en: `Last day: difference ${fixed(last.difference * 100, 1)} points, band ${fixed(last.lo * 100, 1)} to ${fixed(last.hi * 100, 1)}.`,
      ru: `Последний день: разница ${fixed(last.difference * 100, 1)} п. п., полоса от ${fixed(last.lo * 100, 1)} до ${fixed(last.hi * 100, 1)}.`}),
    x: {label: tr({en: "Day the users' windows closed", ru: "День закрытия окна наблюдения"}), type: "utc", tickFormat: dayTicks},
    y: {label: tr({en: "↑ Difference (points)", ru: "↑ Разница (п. п.)"}), tickFormat: (d: number) => fixed(d * 100, 0), grid: true},
    marks: [
      Plot.areaY(rows.filter((r) => r.lo !== null), {x: "date", y1: "lo", y2: "hi", fill: CHOSEN, fillOpacity: 0.2}),
      Plot.ruleY([0]),
      Plot.line(rows, {x: "date", y: "difference", stroke: CHOSEN, strokeWidth: 2}),
      Plot.dot(rows, {x: "date", y: "difference", fill: CHOSEN, r: 3, tip: true, title: (d: Look) => tr({
        en: `${d.date}: ${fixed(d.difference * 100, 1)} points\nalways-valid p ${formatP(d.pValue)}\ndaily p ${formatP(d.naivePValue)}`,
        ru: `${d.date}: ${fixed(d.difference * 100, 1)} п. п.\nпоследовательное p ${formatP(d.pValue)}\nежедневное p ${formatP(d.naivePValue)}`
      })})
    ]
  });
}

/** Daily p-values: always-valid vs the fixed-horizon one peeking reads (log scale), with α. */
export function PValueChart(looks: Look[], alpha: number, {width}: {width: number}) {
  const {formatP, grouped} = formats(pageLang);
  const valid = tr({en: "always-valid (mSPRT)", ru: "последовательное (mSPRT)"});
  const daily = tr({en: "daily z-test (peeking)", ru: "ежедневный z-тест (подглядывание)"});
  const rows = looks.flatMap((l) => [
    {date: new Date(`${l.date}T00:00:00Z`), p: Math.max(l.pValue, 1e-12), kind: valid},
    {date: new Date(`${l.date}T00:00:00Z`), p: Math.max(l.naivePValue, 1e-12), kind: daily}
  ]);
  const naiveDays = looks.filter((l) => l.naivePValue < alpha).length;
  const lastP = formatP(looks.at(-1)!.pValue);
  return Plot.plot({
    width, height: 240,
    title: tr({en: "p-value by day: always-valid vs daily z-test (log scale)", ru: "p-значение по дням: последовательное и ежедневный z-тест (логарифмическая шкала)"}),
    ariaLabel: tr({en: "Daily p-values", ru: "p-значения по дням"}),
    ariaDescription: tr({en: `${naiveDays} days with a daily p below ${alpha}; always-valid p on the last day ${lastP}.`,
      ru: `Дней с ежедневным p ниже ${grouped(alpha, 4)}: ${naiveDays}; последовательное p в последний день ${lastP}.`}),
    x: {label: tr({en: "Day", ru: "День"}), type: "utc", tickFormat: dayTicks},
    y: {label: tr({en: "↑ p-value", ru: "↑ p-значение"}), type: "log", domain: [Math.min(1e-4, ...rows.map((r) => r.p)), 1], grid: true, ticks: [1e-12, 1e-9, 1e-6, 1e-4, 1e-3, 0.01, 0.05, 0.1, 1].filter((x) => x >= Math.min(1e-4, ...rows.map((r) => r.p))), tickFormat: (d: number) => (d >= 1e-3 ? grouped(d, 3) : smallP(d))},
    color: {domain: [valid, daily], range: [CHOSEN, MUTED], legend: true},
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

const shares = (s: StepLift, plan: Plan, lang: Lang) => {
  const {pct} = formats(lang);
  return lang === "ru"
    ? `${pct(s.share[0])} в группе ${plan.control} и ${pct(s.share[1])} в группе ${plan.treatment}`
    : `${pct(s.share[0])} in ${plan.control} and ${pct(s.share[1])} in ${plan.treatment}`;
};
const liftText = (s: StepLift, lang: Lang) => {
  const signed = (x: number) => signedPct(x, 1, lang);
  if (s.lift) return `${signed(s.lift.value)} (${interval(s.lift, signed, lang)})`;
  return lang === "ru" ? "не определён (в одной из групп до шага не дошёл ни один участник)" : "undefined (no participant reached it in one group)";
};

/** The verdict in one sentence. */
export function answerText(t: Summary, plan: Plan, lang: Lang = pageLang): string {
  const {int, formatP, pEquals, count} = formats(lang);
  const p = t.primary;
  const expected = signedPct(plan.expectedLift, 0, lang);
  const lift = liftText(p, lang);
  const share = shares(p, plan, lang);
  if (lang === "ru") {
    const step = `дошедших до шага «${p.step}»`;
    switch (t.verdict.decision) {
      case "untrusted":
        return t.verdict.reason === "srm"
          ? `Решение по этому тесту принимать нельзя: в группе ${plan.control} ${count(t.participants[0], nouns.participant)}, в группе ${plan.treatment} — ${int(t.participants[1])}, тогда как плановое соотношение даёт ${int(t.validity.srm.expected[0])} и ${int(t.validity.srm.expected[1])}; случайно такое расхождение возникает с ${pEquals(t.validity.srm.pValue)}, значит, распределение по группам нарушено и группы несопоставимы.`
          : `Решение по этому тесту принимать нельзя: группы различаются тем, сколько их пользователей попало в тестовую группу другого теста, поэтому они несопоставимы.`;
      case "ship":
        return `Внедрять: доля участников, ${step}, — ${share}, прирост ${lift}, значимый с поправкой Холма на ${count(plan.funnel.length, nouns.step)}.`;
      case "do-not-ship":
        return t.verdict.reason === "lower"
          ? `Не внедрять: доля участников, ${step}, снизилась — ${share} (прирост ${lift}, значимо с поправкой Холма).`
          : `Не внедрять на этих данных: доля участников, ${step}, — ${share}, прирост ${lift}; ожидаемые ${expected} лежат выше всего интервала.`;
      default:
        return `Вывода нет: доля участников, ${step}, — ${share}, прирост ${lift}; тест мог обнаружить только прирост от ${signedPct(t.power.mde, 1, lang)} и выше, а для ожидаемых ${expected} понадобилось бы ${count(t.power.neededControl, nouns.participant)} в каждой группе (в группе ${plan.control} было ${int(t.participants[0])}).`;
    }
  }
  const step = `reaching ${p.step}`;
  switch (t.verdict.decision) {
    case "untrusted":
      return t.verdict.reason === "srm"
        ? `Do not decide on this test: it has ${int(t.participants[0])} participants in ${plan.control} and ${int(t.participants[1])} in ${plan.treatment} where the planned split expects ${int(t.validity.srm.expected[0])} and ${int(t.validity.srm.expected[1])}; a gap this large arises by chance with p ${formatP(t.validity.srm.pValue)}, so assignment is broken and the groups are not comparable.`
        : `Do not decide on this test: its groups differ in how many of their users are in another test's treatment group, so they are not comparable.`;
    case "ship":
      return `Ship: the share of participants ${step} is ${share}, a lift of ${lift}, significant after Holm's correction over ${plan.funnel.length} steps.`;
    case "do-not-ship":
      return t.verdict.reason === "lower"
        ? `Do not ship: the share of participants ${step} fell, ${share} (lift ${lift}, significant after Holm's correction).`
        : `Do not ship on this evidence: the share of participants ${step} is ${share}, a lift of ${lift}; the expected ${expected} lies above the whole interval.`;
    default:
      return `Inconclusive: the share of participants ${step} is ${share}, a lift of ${lift}; the test could detect only lifts of ${signedPct(t.power.mde, 1, lang)} or more, and the expected ${expected} would have needed ${int(t.power.neededControl)} participants per group (it had ${int(t.participants[0])}).`;
  }
}

/** 3–5 actions, each with who (how many), the effect and the cost in the test's own units. */
export function actionTexts(t: Summary, plan: Plan, lang: Lang = pageLang): string[] {
  const {int, pct, fixed, count, plural} = formats(lang);
  const ru = lang === "ru";
  const signed = (x: number, digits = 1) => signedPct(x, digits, lang);
  const expected = signed(plan.expectedLift, 0);
  const goal = quoted(t.primary.step, lang);
  const total = t.participants[0] + t.participants[1];
  const needed = t.power.neededControl + t.power.neededTreatment;
  const points = fixed(t.primary.difference.value * 100, 1);
  const out: string[] = [];
  const srm = t.validity.srm;
  const decision = t.verdict.decision;
  if (decision === "untrusted" && srm.flagged) {
    const gap = t.participants[1] - srm.expected[1];
    out.push(ru
      ? `Выясните, почему в группе ${plan.treatment} на ${plural(Math.abs(Math.round(gap)), "участника", "участника", "участников")} ${gap < 0 ? "меньше" : "больше"}, чем даёт плановое соотношение ${pct(srm.plannedSplit, 0)} (${int(t.participants[1])} из ${int(total)}), прежде чем читать какой-либо прирост: проверьте механизм распределения по группам и его запись в журнал.`
      : `Find why ${plan.treatment} has ${int(Math.abs(gap))} participants ${gap < 0 ? "fewer" : "more"} than the planned ${pct(srm.plannedSplit, 0)} split gives (${int(t.participants[1])} of ${int(total)}), before reading any lift: check the assignment and its logging.`);
  }
  if (decision === "ship") out.push(ru
    ? `Включите нововведение для всех пользователей: в группе ${plan.treatment} до шага ${goal} дошли на ${points} больше из каждых 100 участников.`
    : `Roll the feature out to all users: ${points} more of every 100 participants reached ${t.primary.step} in ${plan.treatment}.`);
  if (decision === "do-not-ship") out.push(ru
    ? `Оставьте текущую версию для всех пользователей: у участников теста (${int(total)}) нет прироста ${expected} на шаге ${goal}.`
    : `Keep the current version for all users: the ${int(total)} participants show no lift of ${expected} on ${t.primary.step}.`);
  if (decision === "inconclusive") out.push(ru
    ? `Пока не внедряйте: по данным ${plural(total, "участника", "участников", "участников")} прирост на шаге ${goal} составляет ${signed(t.primary.lift?.value ?? 0)}, а интервал так широк, что допускает и отсутствие эффекта, и ожидаемые ${expected}.`
    : `Do not roll out yet: across ${int(total)} participants the lift on ${t.primary.step} is ${signed(t.primary.lift?.value ?? 0)}, with an interval wide enough to hold both no effect and the expected ${expected}.`);
  if (decision !== "ship" && Number.isFinite(needed)) {
    out.push(ru
      ? `${decision === "untrusted" ? "Повторите тест, когда распределение по группам будет исправлено" : "Продлите или повторите тест"}: нужно ${count(t.power.neededControl, nouns.participant)} в группе ${plan.control} и ${int(t.power.neededTreatment)} в группе ${plan.treatment} (всего ${int(needed)}; в этом тесте было ${int(total)}) — этого хватит, чтобы обнаружить прирост ${expected} на шаге ${goal} с мощностью ${pct(plan.power, 0)}.`
      : `${decision === "untrusted" ? "Rerun the test once assignment is fixed" : "Extend or rerun the test"} with ${int(t.power.neededControl)} participants in ${plan.control} and ${int(t.power.neededTreatment)} in ${plan.treatment} (${int(needed)} in all; this test had ${int(total)}): enough to detect ${expected} on ${t.primary.step} with ${pct(plan.power, 0)} power.`);
  }
  const other = t.steps.find((s) => s.step !== t.primary.step && s.significant && s.lift);
  if (other && decision !== "untrusted") out.push(ru
    ? `Выясните, почему шаг ${quoted(other.step, lang)} изменился на ${signed(other.lift!.value)} (${interval(other.lift!, signed, lang)}), а шаг ${goal} — на ${signed(t.primary.lift?.value ?? 0)}: изменение не доходит до цели.`
    : `Find out why ${other.step} moved by ${signed(other.lift!.value)} (${interval(other.lift!, signed, lang)}) while ${t.primary.step} moved by ${signed(t.primary.lift?.value ?? 0)}: the change stops before the goal.`);
  for (const c of t.validity.campaigns.slice(0, 1)) out.push(ru
    ? `Проводите следующий тест без маркетинговых кампаний в его регионе: «${c.name}» шла ${count(c.days, nouns.day)} теста (с ${c.start} по ${c.finish}) в обеих группах.`
    : `Keep the next run clear of campaigns in the test's region: “${c.name}” ran ${int(c.days)} of the test's days (${c.start} to ${c.finish}) for both groups.`);
  if (t.validity.excludedUsers) out.push(ru
    ? `Исправьте выгрузку участников: из анализа исключено пользователей — ${int(t.validity.excludedUsers)} (в обеих группах, неизвестная метка группы, нет записи о регистрации или вне аудитории); подробности — на странице «Надёжность теста».`
    : `Fix the participant export: ${int(t.validity.excludedUsers)} users were left out (in both groups, an unknown group label, no sign-up record or outside the audience); see the Validity page.`);
  return out.slice(0, 5);
}

/** A plan setting named in a sentence: the plan file's key in English ("expectedLift"), its meaning in Russian. */
const planFields: Record<string, string> = {
  funnel: "шаги воронки", primary: "целевой шаг", windowDays: "окно наблюдения", control: "метка контрольной группы",
  treatment: "метка тестовой группы", alpha: "уровень значимости α", power: "мощность", expectedLift: "ожидаемый прирост"
};
export const planField = (key: string, lang: Lang = pageLang) => (lang === "ru" ? planFields[key] ?? key : key);
