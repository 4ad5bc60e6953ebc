import {test} from "node:test";
import assert from "node:assert/strict";
import {describeDialect, detectDialect, detectDialectFromBytes, guessEncoding, splitLine} from "../../loaders/io/dialect.ts";
import {datasets} from "../real-data.ts";

const shared = datasets;
const cp1251 = (text: string) => {
  const dec = new TextDecoder("windows-1251");
  const map = new Map(Array.from({length: 256}, (_, b) => [dec.decode(Uint8Array.of(b)), b] as const));
  return Buffer.from(Array.from(text, (ch) => map.get(ch)!));
};

test("real exports: each file's own separator, decimal mark, quoting and line endings", () => {
  const money = detectDialect(`${shared}/one-click/money.csv`);
  assert.deepEqual([money.separator, money.decimal, money.lineEnding, money.quote], [";", ",", "LF", null]);
  assert.deepEqual(money.header, ["id", "Прибыль"]);
  const market = detectDialect(`${shared}/one-click/market_file.csv`);
  assert.deepEqual([market.separator, market.decimal, market.lineEnding], [",", ".", "CRLF"]);
  assert.equal(market.header.length, 13);
  assert.equal(market.header[12], "Страниц_за_визит", "no \\r left on the last header");
  const ecom = detectDialect(`${shared}/ecommerce/ecom_dataset_upd.csv`);
  assert.deepEqual([ecom.separator, ecom.decimal, ecom.quote], [",", ".", '"']);
  assert.deepEqual(describeDialect(money), {en: "UTF-8, semicolon-separated, decimal comma, no quoting, LF line endings",
    ru: "UTF-8, разделитель — точка с запятой, десятичная запятая, без кавычек, концы строк «перевод строки»"});
});

test("tab separator, BOM, quoted decimal commas with a comma separator", () => {
  const tab = detectDialectFromBytes(Buffer.from("\uFEFFa\tb\tc\n1\t2,5\tx\n3\t4,5\ty\n"));
  assert.deepEqual([tab.bom, tab.separator, tab.decimal, tab.header], [true, "\t", ",", ["a", "b", "c"]]);
  const quoted = detectDialectFromBytes(Buffer.from('a,b\n1,"2,5"\n2,"3,75"\n'));
  assert.deepEqual([quoted.separator, quoted.decimal, quoted.quote], [",", ",", '"']);
  const cr = detectDialectFromBytes(Buffer.from("a;b\r1;2\r3;4\r"));
  assert.deepEqual([cr.separator, cr.lineEnding], [";", "CR"]);
});

test("encodings: UTF-8, Windows-1251, and corrupt UTF-8 located by line", () => {
  assert.deepEqual(guessEncoding(Buffer.from("id,Период\n1,текущий\n")), {encoding: "utf-8", bom: false});
  assert.deepEqual(guessEncoding(cp1251("id,Период\n1,текущий\n")), {encoding: "windows-1251", bom: false});
  const win = detectDialectFromBytes(cp1251("id;Прибыль\n1;0,98\n"));
  assert.deepEqual([win.encoding, win.header, win.decimal], ["windows-1251", ["id", "Прибыль"], ","]);
  const mixed = guessEncoding(Buffer.concat([Buffer.from("id,Период\n1,текущий\n2,"), cp1251("прошлый"), Buffer.from("\n")]));
  assert.deepEqual(mixed.invalid, {line: 3, bytes: "ef f0"});
});

test("splitLine honours quotes and doubled quotes", () => {
  assert.deepEqual(splitLine('1,"a, b","say ""hi""",x', ","), {fields: ["1", "a, b", 'say "hi"', "x"], quoted: true, balanced: true});
  assert.equal(splitLine('1,"open', ",").balanced, false);
});
