/**
 * Column names compared as people write them: case, spaces and the separators `_ - .` ignored
 * ("Avg_class_frequency" = "avg class frequency" = "AvgClassFrequency"), words cut to their stems so
 * "посещений" meets "посещения"; and a header made readable for a display label.
 */

/** The name without case, spaces or `_ - .` (ё read as е). */
export function normalName(name: string): string {
  return name.normalize("NFC").toLowerCase().replace(/ё/g, "е").replace(/[\s_\-.]+/g, "");
}

/** Words of a name: split on separators and camelCase, lower case, each cut to a stem of 5 letters. */
export function nameStems(name: string): string[] {
  return name.normalize("NFC")
    .replace(/([a-zа-я])([A-ZА-Я])/gu, "$1 $2")
    .toLowerCase().replace(/ё/g, "е")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)
    .map((w) => w.slice(0, 5));
}

/** How alike two names are, 0–1: 1 when equal once normalised, else the overlap of their word stems (Dice). */
export function nameSimilarity(a: string, b: string): number {
  if (normalName(a) === normalName(b)) return 1;
  const x = nameStems(a);
  const y = new Set(nameStems(b));
  if (!x.length || !y.size) return 0;
  const common = new Set(x.filter((w) => y.has(w))).size;
  return (2 * common) / (new Set(x).size + y.size) * 0.9;
}

/**
 * Whether a name contains one of the words, allowing for word endings: a long word (5+ letters) when
 * the name holds its beginning ("расторжение" in "Дата расторжения"), a 4-letter word when a word of
 * the name starts with it ("уход" in "ухода"), a shorter one only as a word of its own ("id", "фио").
 */
export function nameHasWord(name: string, words: readonly string[]): boolean {
  const whole = normalName(name);
  const stems = nameStems(name);
  return words.some((w) => {
    const n = normalName(w);
    if (n.length >= 5) return whole.includes(n.slice(0, Math.max(5, n.length - 2)));
    return n.length === 4 ? stems.some((s) => s.startsWith(n)) : stems.includes(n);
  });
}

/** A header as a display label: "avg_class_frequency" → "Avg class frequency", "ClientName" → "Client name". */
export function readableName(header: string): string {
  const words = header.trim()
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_\s]+/g, " ").trim();
  if (!words) return header;
  const lower = words === words.toUpperCase() && /[a-z]/i.test(words) ? words.toLowerCase() : words;
  return lower.charAt(0).toUpperCase() + lower.slice(1).replace(/\b([A-Z])([a-z]+)/g, (w, a: string, b: string) => a.toLowerCase() + b);
}
