/**
 * The fitness case in Russian: the vocabulary's Russian words reach the shared analysis' labels and
 * group names (localizeLabels), code keys are never translated, and the case's own sentences use
 * Russian plurals and number formats.
 */
import {describe, test} from "node:test";
import assert from "node:assert/strict";
import {fitnessFeatures, memberColumns, russianWords, type FitnessMember} from "../../loaders/cases/fitness/features.ts";
import {localizeLabels, russianName} from "../../loaders/cases/fitness/localize.ts";
import {memberReason, unavailableRules} from "../../loaders/cases/fitness/recommendations.ts";
import {fitnessSchema} from "../../loaders/io/schemas/fitness.ts";

const spec = fitnessFeatures(memberColumns(fitnessSchema.files[0].columns), {});
const words = russianWords(spec);

describe("fitness in Russian", () => {
  test("group names are translated word by word, numbered and 'leaning to' names too; an unknown word leaves the name as found", () => {
    assert.equal(russianName("long contracts, partner-company staff", words), "длинные абонементы, сотрудники партнёров");
    assert.equal(russianName("leaning to older, infrequent visitors", words), "скорее старше, ходят редко");
    assert.equal(russianName("newcomers (2)", words), "новички (2)");
    assert.equal(russianName("average on every feature", words), "средние по всем признакам");
    assert.equal(russianName("long contracts, Airport regulars", words), null);
  });

  test("labels become Texts, code keys stay as they are, and a Text the shared analysis wrote in English only gets its Russian", () => {
    const report = {
      target: {field: "churn", label: "churn", positive: "churned", negative: "stayed"},
      features: [{feature: "lifetime", label: "Lifetime (months since first visit)"}],
      levels: [{level: "1", label: "yes"}, {level: "12", label: "12 months"}],
      correlation: {labels: ["Age (years)", "Home club"]},
      clusters: [{cluster: 0, name: "newcomers", words: "newcomers"}],
      already: {label: {en: "Age (years)", ru: "Age (years)"}},
      reason: "Lifetime (months since first visit) is not a label here"
    };
    assert.deepEqual(localizeLabels(report, words), {
      target: {field: "churn", label: {en: "churn", ru: "отток"}, positive: {en: "churned", ru: "ушедшие"}, negative: {en: "stayed", ru: "оставшиеся"}},
      features: [{feature: "lifetime", label: {en: "Lifetime (months since first visit)", ru: "Время с первого визита (мес.)"}}],
      levels: [{level: "1", label: {en: "yes", ru: "да"}}, {level: "12", label: {en: "12 months", ru: "12 месяцев"}}],
      correlation: {labels: [{en: "Age (years)", ru: "Возраст (лет)"}, "Home club"]},
      clusters: [{cluster: 0, name: {en: "newcomers", ru: "новички"}, words: {en: "newcomers", ru: "новички"}}],
      already: {label: {en: "Age (years)", ru: "Возраст (лет)"}},
      reason: "Lifetime (months since first visit) is not a label here"
    });
  });

  test("a member's reason counts months with Russian plurals and decimal commas", () => {
    const member = (fields: Record<string, number>): FitnessMember => ({line: 2, churn: 0, ...fields});
    const group = {en: "group 1 \"newcomers\"", ru: "группа 1 «новички»"};
    assert.equal(memberReason("onboarding", member({lifetime: 1}), group).ru, "в клубе 1 месяц, меньше медианы по клубу; группа 1 «новички»");
    assert.equal(memberReason("onboarding", member({lifetime: 3}), group).ru, "в клубе 3 месяца, меньше медианы по клубу; группа 1 «новички»");
    assert.equal(memberReason("renewal", member({contractPeriod: 12, monthsToEndOfContract: 1}), group).ru, "абонемент на 12 месяцев, осталось 1 месяц");
    assert.equal(memberReason("visit-drop", member({classFrequencyCurrentMonth: 0.5, classFrequencyTotal: 2.25}), group).ru, "в этом месяце 0,50 в неделю против обычных 2,25 в неделю");
    assert.equal(memberReason("onboarding", member({lifetime: 3}), group).en, "with the club 3 months, under the club's median, in group 1 \"newcomers\"");
  });

  test("a rule the table cannot feed is named in Russian with the role the mapping should give", () => {
    const [visits] = unavailableRules(new Set(["contractPeriod", "groupVisits", "lifetime", "promoFriends", "monthsToEndOfContract"]));
    assert.equal(visits.id, "visit-drop");
    assert.equal(visits.text.ru, "Не сопоставлен столбец обычной частоты посещений (роль «classFrequencyTotal») и не сопоставлен столбец посещений в этом месяце (роль «classFrequencyCurrentMonth»), поэтому падение посещений не может вызвать звонок тренера.");
    assert.equal(visits.title.ru, "Поздний сигнал: звонок тренера, когда посещения падают");
  });
});
