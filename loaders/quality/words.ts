/** "1 row", "3 rows", "1,300 rows": a count with its noun, for report summaries. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
