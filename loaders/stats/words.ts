/** Wording shared by the tests: p-values and decisions in plain language, in both languages. */
import {formatP, formats, pEquals} from "../../src/components/format.ts";
import {both, same, type Lang, type Text} from "../../src/components/i18n.ts";

// One p-value style for loaders and pages: it lives with the site's formats (pages cannot import loaders).
export {formatP, pEquals};

/** A label a caller passes: one string (an export's header, shown as it is in both languages) or both languages. */
export type Label = string | Text;

/** A label as a Text: a plain string is the same in both languages. */
export const asText = (label: Label): Text => (typeof label === "string" ? same(label) : label);

/** A label in one language. */
export const inLang = (label: Label, lang: Lang): string => (typeof label === "string" ? label : label[lang]);

/** The decision in words: "Reject H0 at α = 0.05 (p < 0.0001): …" / «H0 отвергается при α = 0,05 (p < 0,0001): …». */
export function decisionText(p: number, alpha: number, effectIfRejected: Label, noEvidence: Label, pLabel: Label = "p"): Text {
  return both((lang) => {
    const f = formats(lang);
    const a = lang === "ru" ? f.grouped(alpha, 4) : String(alpha);
    const pe = f.pEquals(p, inLang(pLabel, lang));
    if (lang === "ru") return p < alpha ? `H0 отвергается при α = ${a} (${pe}): ${inLang(effectIfRejected, lang)}` : `H0 не отвергается при α = ${a} (${pe}): ${inLang(noEvidence, lang)}`;
    return p < alpha ? `Reject H0 at α = ${alpha} (${pe}): ${inLang(effectIfRejected, lang)}` : `Do not reject H0 at α = ${alpha} (${pe}): ${inLang(noEvidence, lang)}`;
  });
}
