/**
 * One Click offers: for each segment, what to offer and through which channel, derived by rules
 * from the segment's portrait and its numbers. A rule fires only on a difference of at least
 * `distinctiveEffect` (Cohen's medium effect, loaders/cases/one-click/segments.ts) in the
 * direction the rule needs, and the strongest effect comes first. No p-value decides: the segments
 * were cut from the model's predictions of these same features and from profit, so their
 * differences are there by construction, so an action describes the segment and is worded as a
 * trial with a random hold-out group, not as a cure. Plus the aggregates the Offers page needs to
 * compute expected profit live under the reader's assumptions (offer cost, response rate, share of
 * profit lost on decline, months at stake), and the comparison of profit between declined and
 * unchanged customers that says whether the data support any loss at all.
 */
import {distinctiveEffect, type Portrait, type PortraitVariable, type SegmentId, type Segments} from "./segments.ts";
import type {CustomerRow} from "./features.ts";
import {breakEvenProduct, offerValue, type AssumptionValues, type OfferValue} from "../../../src/components/offer-value.ts";
import {profitByActivity, type ProfitByActivity} from "./profit-by-activity.ts";
import type {Assumption as GenericAssumption} from "../../analysis/assumption.ts";
import {formats} from "../../../src/components/format.ts";
import {both, type Lang, type Text} from "../../../src/components/i18n.ts";

export interface OfferAction {
  /** Rule that fired, e.g. "promo". */
  rule: string;
  title: Text;
  /** Why, with the portrait's numbers (computed). */
  because: Text;
  /** The portrait's difference that triggered the rule (|value| ≥ distinctiveEffect); null for the low-risk segments' standing actions. */
  effect: {variable: string; name: string; value: number; level?: string} | null;
}

export interface SegmentOffer {
  segment: SegmentId;
  name: string;
  /** Paid retention effort is recommended (high-risk segments). */
  target: boolean;
  headline: Text;
  actions: OfferAction[];
  channels: {channel: Text; customers: number; why: Text}[];
  /** Aggregates for the live expected-profit computation. */
  n: number;
  consenting: number;
  monthlyProfit: number;
  /** Σ probability × monthly profit over the segment ("probability-weighted monthly profit"). */
  expectedProfitAtRisk: number;
  meanProbability: number;
}

export type Assumption = Omit<GenericAssumption<"offerCost" | "responseRate" | "lossShare" | "months">, "label" | "why"> & {label: Text; why: Text};

export interface Offers {
  offers: SegmentOffer[];
  /** When a portrait's difference triggers an action. */
  rule: {threshold: number; text: Text};
  assumptions: Assumption[];
  /** How the page turns the assumptions into money, one line per quantity. */
  formula: {name: Text; text: Text}[];
  profitUnit: string;
  /** Mean monthly profit of declined against unchanged customers: does the data show any loss? */
  profitByActivity: ProfitByActivity;
}

export {breakEvenProduct, offerValue, type AssumptionValues, type OfferValue};

/** The assumptions' default values (what the Summary quotes and the sliders start at). */
/** The default offer cost as a share of the average customer's monthly profit (a week's profit, roughly). */
export const offerCostShare = 0.25;

export function defaultValues(assumptions: readonly Assumption[]): AssumptionValues {
  const value = (id: Assumption["id"]) => assumptions.find((a) => a.id === id)!.value;
  return {offerCost: value("offerCost"), responseRate: value("responseRate"), lossShare: value("lossShare"), months: value("months")};
}

/**
 * The number formats of the offers' sentences: English exactly as the report always wrote them
 * ("26%", "4.2", "12.50 ₽"), Russian in its own style ("26 %", "4,2", "12,5 ₽").
 */
function style(lang: Lang, unit: string) {
  if (lang === "en") return {pct: (x: number) => `${(100 * x).toFixed(0)}%`, num: (x: number, digits = 1) => x.toFixed(digits), money: (x: number) => `${x.toFixed(2)} ${unit}`, int: (x: number) => String(x)};
  const f = formats("ru");
  const unitRu = unitIn(unit, "ru");
  return {pct: (x: number) => f.pct(x, 0), num: (x: number, digits = 1) => f.fixed(x, digits), money: (x: number) => `${f.fixed(x, 2)}\u00A0${unitRu}`, int: (x: number) => f.int(x)};
}

/** The unit of money in a language: the template's "currency units" is «ден. ед.» in Russian; a currency sign stays. */
export function unitIn(unit: string, lang: Lang): string {
  return lang === "ru" && unit === formats("en").moneyUnit({currency: ""}) ? formats("ru").moneyUnit({currency: ""}) : unit;
}

function variable(p: Portrait | undefined, id: PortraitVariable["id"]): PortraitVariable | undefined {
  return p?.variables.find((v) => v.id === id);
}

/** Retention actions that follow from a high-risk segment's portrait, largest effect first. */
export function actionsFromPortrait(p: Portrait, words: Readonly<Record<string, string>> = {}): OfferAction[] {
  const out: OfferAction[] = [];
  const effectOf = (v: PortraitVariable, value = v.effect.value, level?: string) => ({variable: v.label, name: v.effect.name, value, ...(level === undefined ? {} : {level})});
  type Made = {rule: string; title: Text; because: (lang: Lang, v: PortraitVariable) => string};
  /** A numeric rule: fires when the segment's mean is higher (lower) by at least the threshold. */
  const add = (v: PortraitVariable | undefined, direction: "higher" | "lower", made: Made) => {
    if (v?.kind !== "numeric") return;
    const d = v.effect.value;
    if (direction === "higher" ? d >= distinctiveEffect : d <= -distinctiveEffect) out.push({rule: made.rule, title: made.title, because: both((lang) => made.because(lang, v)), effect: effectOf(v)});
  };
  const meanText = (lang: Lang, v: PortraitVariable, unit: Text, digits = 1) => {
    const s = style(lang, "");
    return lang === "en"
      ? `${s.num(v.segment!.mean, digits)} ${unit.en} on average, against ${s.num(v.rest!.mean, digits)} for everyone else`
      : `в среднем ${s.num(v.segment!.mean, digits)} ${unit.ru} против ${s.num(v.rest!.mean, digits)} у всех остальных`;
  };
  const pct = (lang: Lang, x: number) => style(lang, "").pct(x);
  add(variable(p, "promoShare"), "higher", {
    rule: "promo",
    title: {en: "Personal promo code on the favourite category", ru: "Персональный промокод на любимую категорию"},
    because: (lang, v) => lang === "en"
      ? `They buy on promotion far more often: ${pct(lang, v.segment!.mean)} of their purchases against ${pct(lang, v.rest!.mean)} for everyone else, so a discount speaks to what already moves them.`
      : `Они гораздо чаще покупают по акции: ${pct(lang, v.segment!.mean)} их покупок против ${pct(lang, v.rest!.mean)} у всех остальных, так что скидка обращается к тому, что уже движет ими.`
  });
  add(variable(p, "unpaidItemsQuarter"), "higher", {
    rule: "cart",
    title: {en: "Reminder of the items left in the cart, with a time-limited discount on them", ru: "Напоминание о товарах, оставленных в корзине, со скидкой на них на ограниченный срок"},
    because: (lang, v) => lang === "en"
      ? `They leave more items unpaid in the cart: ${meanText(lang, v, {en: "items", ru: ""})} over three months.`
      : `Они оставляют в корзине больше неоплаченных товаров: ${meanText(lang, v, {en: "", ru: "шт."})} за три месяца.`
  });
  add(variable(p, "pagesPerVisit"), "lower", {
    rule: "recommendations",
    title: {en: "Personal recommendations on the home page and in the mailing", ru: "Персональные рекомендации на главной странице и в рассылке"},
    because: (lang, v) => lang === "en"
      ? `They look at fewer pages per visit (${meanText(lang, v, {en: "pages", ru: ""})}): bring relevant products to them instead of waiting for them to browse.`
      : `Они просматривают меньше страниц за визит (${meanText(lang, v, {en: "", ru: "стр."})}): покажите им подходящие товары, не дожидаясь, пока они сами их найдут.`
  });
  add(variable(p, "categoriesPerVisit"), "lower", {
    rule: "cross-sell",
    title: {en: "Cross-category selections next to their favourite category", ru: "Подборки из соседних категорий рядом с любимой категорией"},
    because: (lang, v) => lang === "en"
      ? `They view fewer categories per visit (${meanText(lang, v, {en: "categories", ru: ""})}).`
      : `Они просматривают меньше категорий за визит (${meanText(lang, v, {en: "", ru: "кат."})}).`
  });
  add(variable(p, "marketingContacts6m"), "lower", {
    rule: "contact",
    title: {en: "Test more regular contact on part of them, keeping a random hold-out group on the usual calendar", ru: "Проверить более регулярные контакты на части из них, оставив случайную контрольную группу на обычном графике"},
    because: (lang, v) => lang === "en"
      ? `They receive fewer marketing contacts: ${meanText(lang, v, {en: "marketing contacts a month", ru: ""})} over six months. The store chooses whom it contacts, so fewer contacts may follow their disengagement rather than cause it; only the comparison with the hold-out group shows whether more contact helps.`
      : `Они получают меньше маркетинговых контактов: ${meanText(lang, v, {en: "", ru: "контакта в месяц"})} за шесть месяцев. Магазин сам выбирает, с кем связываться, так что меньшее число контактов может быть следствием их охлаждения, а не причиной; помогают ли дополнительные контакты, покажет только сравнение с контрольной группой.`
  });
  add(variable(p, "minutesCurrent"), "lower", {
    rule: "reactivation",
    title: {en: "Reactivation message with new arrivals", ru: "Сообщение о новинках для возвращения активности"},
    because: (lang, v) => lang === "en"
      ? `They spent less time on the site this month (${meanText(lang, v, {en: "minutes", ru: ""})}).`
      : `В этом месяце они провели на сайте меньше времени (${meanText(lang, v, {en: "", ru: "мин"})}).`
  });
  add(variable(p, "serviceErrors"), "higher", {
    rule: "service",
    title: {en: "Apology and priority support after site failures", ru: "Извинение и приоритетная поддержка после сбоев сайта"},
    because: (lang, v) => lang === "en"
      ? `They met more site failures (${meanText(lang, v, {en: "failures", ru: ""})}).`
      : `Они чаще сталкивались со сбоями сайта (${meanText(lang, v, {en: "", ru: "сбоя"})}).`
  });
  // Categories: the level most over-represented in the segment, when its share is higher by the threshold.
  const category = variable(p, "favouriteCategory");
  const top = category?.levels?.reduce((m, l) => (l.h > m.h ? l : m));
  if (category && top && top.h >= distinctiveEffect) {
    const level = words[top.level] ?? top.level;
    out.push({
      rule: "category",
      title: {en: `Lead the offer with ${top.level}`, ru: `Начать предложение с категории «${level}»`},
      because: {
        en: `${top.level} is the favourite category of ${pct("en", top.segment)} of them against ${pct("en", top.rest)} of everyone else.`,
        ru: `«${level}» — любимая категория ${pct("ru", top.segment)} из них против ${pct("ru", top.rest)} у всех остальных.`
      },
      effect: effectOf(category, top.h, top.level)
    });
  }
  const tier = variable(p, "serviceType");
  const premium = tier?.levels?.find((l) => l.level === "premium");
  if (tier && premium && Math.abs(premium.h) >= distinctiveEffect) {
    const [a, b] = [premium.segment, premium.rest];
    out.push({...(premium.h < 0
      ? {rule: "tier", title: {en: "A free month of the premium service", ru: "Бесплатный месяц премиум-сервиса"},
        because: {en: `Fewer of them use the premium service: ${pct("en", a)} against ${pct("en", b)} of everyone else.`, ru: `Меньше из них пользуются премиум-сервисом: ${pct("ru", a)} против ${pct("ru", b)} у всех остальных.`}}
      : {rule: "tier", title: {en: "Remind them of their premium benefits", ru: "Напомнить о преимуществах премиум-сервиса"},
        because: {en: `More of them use the premium service (${pct("en", a)} against ${pct("en", b)}), and it is not keeping them active.`, ru: `Больше из них пользуются премиум-сервисом (${pct("ru", a)} против ${pct("ru", b)}), и он не удерживает их активность.`}}),
    effect: effectOf(tier, premium.h, premium.level)});
  }
  return out.sort((a, b) => Math.abs(b.effect!.value) - Math.abs(a.effect!.value));
}

export interface OfferOptions {
  /** Customer rows in the same order as the segments' membership (for consent counts). */
  rows: readonly CustomerRow[];
  /** Segment of each row. */
  membership: readonly SegmentId[];
  /** The unit of money shown after amounts ("₽", "currency units"). */
  unit?: string;
  /** The case's Russian words (words.ts), for category values named in a Russian sentence. */
  words?: Readonly<Record<string, string>>;
}

/** Offers per segment and the default assumptions (scaled to the data's profit). */
export function designOffers(segments: Segments, {rows, membership, unit = segments.profitUnit, words = {}}: OfferOptions): Offers {
  const [en, ru] = [style("en", unit), style("ru", unit)];
  const offers: SegmentOffer[] = segments.segments.map((s) => {
    const portrait = segments.portraits.find((p) => p.segment === s.id);
    const idx = membership.flatMap((m, i) => (m === s.id ? [i] : []));
    const consenting = idx.filter((i) => rows[i].values.marketingConsent === "yes").length;
    const actions = s.highRisk && portrait ? actionsFromPortrait(portrait, words) : [];
    // Whether a paid offer pays depends on the reader's assumptions (offer-value.ts), so the headline only describes the segment.
    const headline: Text = s.highRisk
      ? {en: `${s.n} customers, mean decline probability ${en.pct(s.meanProbability)}, ${en.money(s.meanProfit)} profit a month each.`,
        ru: `${formats("ru").count(s.n, {en: ["customer", "customers"], ru: ["покупатель", "покупателя", "покупателей"]})}, средняя вероятность снижения ${ru.pct(s.meanProbability)}, прибыль ${ru.money(s.meanProfit)} в месяц с каждого.`}
      : s.highProfit
        ? {en: `No discount: loyalty perks for ${s.n} profitable customers (mean decline probability ${en.pct(s.meanProbability)}).`,
          ru: `Без скидки: привилегии лояльности для прибыльных покупателей (${ru.int(s.n)}; средняя вероятность снижения ${ru.pct(s.meanProbability)}).`}
        : {en: `Business as usual for ${s.n} customers (mean decline probability ${en.pct(s.meanProbability)}).`,
          ru: `Обычная работа с покупателями (${ru.int(s.n)}; средняя вероятность снижения ${ru.pct(s.meanProbability)}).`};
    if (!s.highRisk) {
      actions.push(s.highProfit
        ? {rule: "loyalty", title: {en: "Loyalty perks without discounts (early access, free delivery threshold)", ru: "Привилегии лояльности без скидок (ранний доступ, порог бесплатной доставки)"},
          because: {en: `They bring ${en.money(s.meanProfit)} a month each and only ${en.pct(s.meanProbability)} are expected to decline: a discount would give away margin.`,
            ru: `Каждый приносит ${ru.money(s.meanProfit)} в месяц, а снижение активности ожидается лишь у ${ru.pct(s.meanProbability)}: скидка отдала бы маржу.`}, effect: null}
        : {rule: "standard", title: {en: "Standard mailings only", ru: "Только обычные рассылки"},
          because: {en: `Low expected decline (${en.pct(s.meanProbability)}) and ${en.money(s.meanProfit)} profit a month each: no paid effort is justified.`,
            ru: `Низкое ожидаемое снижение (${ru.pct(s.meanProbability)}) и прибыль ${ru.money(s.meanProfit)} в месяц с каждого: платные усилия не оправданы.`}, effect: null});
    }
    const share = s.n ? consenting / s.n : 0;
    const channels = [
      {channel: {en: "E-mail and push notifications", ru: "Электронная почта и уведомления в приложении"}, customers: consenting,
        why: {en: `${consenting} of ${s.n} (${en.pct(share)}) consent to marketing messages.`, ru: `${ru.int(consenting)} из ${ru.int(s.n)} (${ru.pct(share)}) согласны получать рекламные сообщения.`}},
      {channel: {en: "Personal banner on the site and in the cart", ru: "Персональный баннер на сайте и в корзине"}, customers: s.n - consenting,
        why: {en: `The other ${s.n - consenting} do not consent to messages; they can be reached only when they visit.`, ru: `Остальные ${ru.int(s.n - consenting)} не дали согласия на сообщения; до них можно достучаться, только когда они заходят на сайт.`}}
    ];
    return {
      segment: s.id, name: s.name, target: s.highRisk, headline, actions, channels,
      n: s.n, consenting, monthlyProfit: s.profit, expectedProfitAtRisk: s.expectedProfitAtRisk, meanProbability: s.meanProbability
    };
  });
  const meanProfit = segments.segments.reduce((a, s) => a + s.profit, 0) / Math.max(1, segments.n);
  const profit = profitByActivity(rows);
  const nice = (x: number) => Number(x.toPrecision(1));
  const offerCost = nice(meanProfit * offerCostShare);
  const assumptions: Assumption[] = [
    {id: "offerCost", label: {en: "Cost of the offer per customer", ru: "Стоимость предложения на покупателя"}, unit, value: offerCost, min: 0, max: nice(meanProfit * 3), step: nice(meanProfit / 400),
      why: {en: `Discount, delivery or service given away per customer offered, in the unit of profit. Starts at ${en.money(offerCost)}: about a quarter of the average customer's monthly profit (${en.money(meanProfit)}), roughly one week's profit given back. The store knows its real cost: set it here, and compare it with each segment's break-even cost below (the most an offer may cost per customer and still pay).`,
        ru: `Скидка, доставка или услуга, которые отдаются каждому получившему предложение, в единицах прибыли. Начальное значение ${ru.money(offerCost)}: около четверти средней месячной прибыли с покупателя (${ru.money(meanProfit)}), примерно недельная прибыль. Магазин знает свою настоящую стоимость: задайте её здесь и сравните с безубыточной стоимостью каждого сегмента ниже (наибольшей стоимостью предложения на покупателя, при которой оно ещё окупается).`}},
    {id: "responseRate", label: {en: "Response rate", ru: "Доля откликнувшихся"}, unit: "share", value: 0.2, min: 0, max: 1, step: 0.01,
      why: {en: "Share of the customers who would have declined that the offer keeps active. An assumption: no offer has been tried on these customers, so only a trial with a random hold-out group can measure it.",
        ru: "Доля тех, чья активность снизилась бы, кого предложение удерживает активными. Это допущение: на этих покупателях предложения ещё не пробовали, поэтому измерить её может только испытание со случайной контрольной группой."}},
    {id: "lossShare", label: {en: "Share of monthly profit lost when activity declines", ru: "Доля месячной прибыли, теряемая при снижении активности"}, unit: "share", value: 0.5, min: 0, max: 1, step: 0.05,
      why: lossShareWhy(profit, unit)},
    {id: "months", label: {en: "Months at stake", ru: "Сколько месяцев под угрозой"}, unit: "months", value: 3, min: 1, max: 12, step: 1,
      why: {en: "An assumption: the export's activity label describes each customer's current state and carries no time horizon, so the data do not say for how many months an offer protects profit.",
        ru: "Это допущение: метка активности в выгрузке описывает текущее состояние покупателя и не содержит горизонта времени, поэтому данные не говорят, сколько месяцев предложение защищает прибыль."}}
  ];
  const d = distinctiveEffect;
  const dRu = formats("ru").fixed(d, 1);
  return {
    offers,
    rule: {
      threshold: distinctiveEffect,
      text: {
        en: `An action is proposed only when the segment differs from everyone else by at least a medium effect (Cohen 1988): |Cohen's d| ≥ ${d} for a mean (the difference in pooled standard deviations), |Cohen's h| ≥ ${d} for the share of a level. No p-value is used: the segments were cut from the model's predictions, computed from these same features, and from profit, so they differ on them by construction and a test would find a difference whatever the truth. The differences describe the segment; they do not show that changing any of them would keep a customer active (the store itself decides, for instance, whom it contacts). Before changing anything for the whole segment, try each offer on part of it and keep a random hold-out group without the offer: the difference between the two groups is the offer's effect.`,
        ru: `Действие предлагается, только если сегмент отличается от всех остальных хотя бы на средний эффект (Cohen 1988): |d Коэна| ≥ ${dRu} для среднего (разность в объединённых стандартных отклонениях), |h Коэна| ≥ ${dRu} для доли уровня. p-значения не используются: сегменты выделены по прогнозам модели, вычисленным из этих же признаков, и по прибыли, поэтому они отличаются по ним по построению, и тест нашёл бы различие при любом положении дел. Различия описывают сегмент; они не показывают, что изменение какого-либо из них удержит покупателя активным (магазин сам решает, например, с кем связываться). Прежде чем что-то менять для всего сегмента, испытайте каждое предложение на его части и оставьте случайную контрольную группу без предложения: разница между двумя группами и есть эффект предложения.`
      }
    },
    assumptions,
    profitUnit: unit,
    formula: [
      {name: {en: "Profit kept", ru: "Сохранённая прибыль"}, text: {en: "response rate × share of profit lost × months × probability-weighted monthly profit (the segment's sum of probability × monthly profit)", ru: "доля откликнувшихся × доля теряемой прибыли × месяцы × месячная прибыль, взвешенная по вероятности (сумма по сегменту вероятности × месячной прибыли)"}},
      {name: {en: "Cost", ru: "Затраты"}, text: {en: "cost of the offer per customer × customers in the segment", ru: "стоимость предложения на покупателя × число покупателей в сегменте"}},
      {name: {en: "Net", ru: "Итог"}, text: {en: "profit kept − cost", ru: "сохранённая прибыль − затраты"}},
      {name: {en: "Break-even response rate", ru: "Безубыточная доля откликнувшихся"}, text: {en: "the response rate at which the profit kept equals the cost", ru: "доля откликнувшихся, при которой сохранённая прибыль равна затратам"}},
      {name: {en: "Break-even cost", ru: "Безубыточная стоимость"}, text: {en: "profit kept ÷ customers in the segment: the most an offer may cost per customer and still pay", ru: "сохранённая прибыль ÷ число покупателей в сегменте: наибольшая стоимость предложения на покупателя, при которой оно ещё окупается"}},
      {name: {en: "Break-even response × share lost", ru: "Безубыточное произведение отклика и доли потерь"}, text: {en: "cost ÷ (months × probability-weighted monthly profit): the net is positive only when response rate × share of profit lost is at least this", ru: "затраты ÷ (месяцы × месячная прибыль, взвешенная по вероятности): итог положителен, только если доля откликнувшихся × доля теряемой прибыли не меньше этого"}}
    ],
    profitByActivity: profit
  };
}

/** The share-lost assumption in words, with what the data say about it (computed, any data). */
export function lossShareWhy(p: ProfitByActivity, unit: string): Text {
  const en = style("en", unit), ru = style("ru", unit);
  const f = formats("ru");
  const comparison = `declined customers bring ${en.money(p.declined.mean)} of profit a month on average, unchanged customers ${en.money(p.unchanged.mean)} (difference ${en.money(p.difference.value)}, 95% CI ${p.difference.lo.toFixed(2)} to ${en.money(p.difference.hi)}; Cohen's d ${p.effect.value.toFixed(2)}, ${p.effect.magnitude})`;
  const comparisonRu = `покупатели со сниженной активностью приносят в среднем ${ru.money(p.declined.mean)} прибыли в месяц, с прежней — ${ru.money(p.unchanged.mean)} (разность ${ru.money(p.difference.value)}, 95-процентный доверительный интервал от ${f.fixed(p.difference.lo, 2)} до ${ru.money(p.difference.hi)}; d Коэна ${f.fixed(p.effect.value, 2)}, ${magnitudeRu(p.effect.magnitude)})`;
  return {
    en: `An assumption this export cannot measure: it compares different customers at one time, not the same customers before and after a decline. Now, ${p.reading.en}: ${comparison}. Half of their profit is a starting guess to explore with the slider; the money estimate rests on it, not on the data.`,
    ru: `Это допущение, которое выгрузка измерить не может: она сравнивает разных покупателей в один момент, а не одних и тех же до и после снижения. Сейчас ${p.reading.ru}: ${comparisonRu}. Половина их прибыли — начальная догадка, которую можно менять ползунком; денежная оценка опирается на неё, а не на данные.`
  };
}

/** Cohen's magnitude words in Russian ("negligible", "small", "medium", "large"). */
export function magnitudeRu(magnitude: string | Text): string {
  if (typeof magnitude !== "string") return magnitude.ru;
  return ({negligible: "пренебрежимо малый", small: "малый", medium: "средний", large: "большой"} as Record<string, string>)[magnitude] ?? magnitude;
}
