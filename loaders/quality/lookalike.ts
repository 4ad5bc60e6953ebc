/**
 * Latin/Cyrillic look-alike letters: a label typed with a Latin "a" or "o" inside a Russian word
 * looks right but never matches. Each mixed-script word is folded to its majority script.
 */
const latinToCyrillic: Record<string, string> = {
  a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", y: "у", k: "к", m: "м", t: "т", h: "н", b: "в",
  A: "А", B: "В", C: "С", E: "Е", H: "Н", K: "К", M: "М", O: "О", P: "Р", T: "Т", X: "Х", Y: "У"
};
const cyrillicToLatin: Record<string, string> = {
  а: "a", с: "c", е: "e", о: "o", р: "p", х: "x", у: "y", к: "k", м: "m", т: "t",
  А: "A", В: "B", С: "C", Е: "E", Н: "H", К: "K", М: "M", О: "O", Р: "P", Т: "T", Х: "X", У: "Y"
};

const isLatin = (ch: string) => /[A-Za-z]/.test(ch);
const isCyrillic = (ch: string) => /[\u0400-\u04FF]/.test(ch);

/** Whether any word mixes Latin and Cyrillic letters. */
export function mixesScripts(text: string): boolean {
  return text.split(/[^\p{L}]+/u).some((w) => /[A-Za-z]/.test(w) && /[\u0400-\u04FF]/.test(w));
}

/** Fold look-alike letters of each mixed-script word into the word's majority script. */
export function foldLookalikes(text: string): string {
  return text.replace(/\p{L}+/gu, (word) => {
    const letters = Array.from(word);
    const latin = letters.filter(isLatin).length;
    const cyr = letters.filter(isCyrillic).length;
    if (latin === 0 || cyr === 0) return word;
    const table = cyr >= latin ? latinToCyrillic : cyrillicToLatin;
    return letters.map((ch) => table[ch] ?? ch).join("");
  });
}
