/**
 * The two languages' formats and plurals (src/components/format.ts, i18n.ts): the values below are
 * the Russian typographic conventions (ГОСТ-style grouping with a narrow no-break space, decimal
 * comma, a space before "%", nominative month names) and CLDR's plural categories for Russian.
 */
import {test} from "node:test";
import assert from "node:assert/strict";
import {formats} from "../../src/components/format.ts";
import {nounFor, tr, both} from "../../src/components/i18n.ts";
import {nouns} from "../../src/components/glossary.ts";

const ru = formats("ru");
const en = formats("en");
const thin = "\u202F";
const nbsp = "\u00A0";

test("Russian numbers: narrow no-break space between thousands, decimal comma, a space before %", () => {
  assert.equal(ru.int(4000), `4${thin}000`);
  assert.equal(ru.int(1234567), `1${thin}234${thin}567`);
  assert.equal(ru.grouped(-1234.56, 1), `-1${thin}234,6`);
  assert.equal(ru.pct(0.265), `26,5${thin}%`);
  assert.equal(ru.pct(-0.0001), `0,0${thin}%`, "no negative zero");
  assert.equal(ru.num(0.81234), "0,812");
  assert.equal(ru.formatValue(552.5907404), "552,6");
  assert.equal(ru.formatStatistic(381171), `381${thin}171`);
  assert.equal(ru.money(1234.5, {currency: "₽"}), `1${thin}235${nbsp}₽`);
  assert.equal(`${ru.compact(1_234_567)}${nbsp}₽`, `1,2${nbsp}млн${nbsp}₽`);
  assert.equal(ru.compact(35_000), `35${nbsp}тыс.`);
  assert.equal(ru.formatBytes(1152851), `1,1${nbsp}МБ`);
});

test("English numbers stay as they were", () => {
  assert.equal(en.int(4000), "4,000");
  assert.equal(en.pct(0.265), "26.5%");
  assert.equal(en.money(1234.5, {currency: "₽"}), "1,235 ₽");
  assert.equal(en.compact(1_234_567), "1.2M");
  assert.equal(en.formatBytes(1152851), "1.1 MB");
  assert.equal(en.moneyUnit({currency: ""}), "currency units");
  assert.equal(ru.moneyUnit({currency: ""}), "ден. ед.");
});

test("p-values in each language", () => {
  assert.equal(ru.pEquals(3e-12), `p < 0,0001`);
  assert.equal(ru.pEquals(0.01234), "p = 0,0123");
  assert.equal(en.pEquals(3e-12), "p < 0.0001");
  assert.equal(en.formatP(0.5), "0.5000");
});

test("dates: the month in the nominative in Russian", () => {
  assert.equal(ru.monthYear("2019-03-05"), "март 2019");
  assert.equal(en.monthYear("2019-03-05"), "March 2019");
  assert.equal(ru.longDate("2026-12-06"), "6 декабря 2026 г.");
  assert.equal(en.longDate("2026-12-06"), "6 December 2026");
});

test("Russian plurals: one for 1, 21, 101; few for 2–4, 22–24; many for 5–20, 25–30, 111–114", () => {
  const forms = (n: number) => ru.count(n, nouns.customer);
  assert.equal(forms(1), "1 клиент");
  assert.equal(forms(2), "2 клиента");
  assert.equal(forms(4), "4 клиента");
  assert.equal(forms(5), "5 клиентов");
  assert.equal(forms(11), "11 клиентов");
  assert.equal(forms(12), "12 клиентов");
  assert.equal(forms(14), "14 клиентов");
  assert.equal(forms(21), "21 клиент");
  assert.equal(forms(22), "22 клиента");
  assert.equal(forms(25), "25 клиентов");
  assert.equal(forms(111), "111 клиентов");
  assert.equal(forms(0), "0 клиентов");
  assert.equal(ru.count(1001, nouns.row), `1${thin}001 строка`);
  assert.equal(nounFor(1.5, nouns.customer, "ru"), "клиента", "a fraction takes the genitive singular");
  assert.equal(ru.plural(3, "заказ", "заказа", "заказов"), "3 заказа");
  assert.equal(en.count(1, nouns.customer), "1 customer");
  assert.equal(en.count(2, nouns.orderLine), "2 order lines");
  assert.equal(en.plural(1, "row"), "1 row");
  assert.equal(en.plural(3, "row"), "3 rows");
});

test("tr picks the language; a plain string (an export's header) passes through", () => {
  assert.equal(tr({en: "Churn", ru: "Отток"}, "ru"), "Отток");
  assert.equal(tr({en: "Churn", ru: "Отток"}, "en"), "Churn");
  assert.equal(tr({en: "Churn", ru: "Отток"}), "Churn", "English outside a browser");
  assert.equal(tr("Near_Location", "ru"), "Near_Location");
  assert.equal(tr(null, "ru"), "");
  assert.deepEqual(both((lang) => formats(lang).pct(0.5, 0)), {en: "50%", ru: `50${thin}%`});
});
