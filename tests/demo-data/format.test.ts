/** Value formats copied from the real exports. */
import {test} from "node:test";
import assert from "node:assert/strict";
import {csvField, csvText, decimalComma, general11, oneDecimal, plain} from "../../scripts/demo-data/format.ts";
import {apportion, calibrateIntercept, sigmoid, uuidFromWords} from "../../scripts/demo-data/draw.ts";
import {calendar, slotStamp} from "../../scripts/demo-data/calendar.ts";

test("general11 reproduces the fitness export's 11-character General cells", () => {
  // Values and texts from the real gym_churn_us.csv.
  assert.equal(general11(14.227470416), "14.22747042");
  assert.equal(general11(113.20293774), "113.2029377");
  assert.equal(general11(0.0203979481), "0.020397948");
  assert.equal(general11(1.9229360549), "1.922936055");
  assert.equal(general11(0), "0");
  assert.equal(general11(2.5), "2.5");
  assert.equal(general11(9.99999999996), "10");
});

test("plain, decimal-comma and one-decimal numbers", () => {
  assert.equal(plain(4, 1), "4");
  assert.equal(plain(0.75, 2), "0.75");
  assert.equal(plain(3.40000001, 1), "3.4");
  assert.equal(decimalComma(1.4, 2), "1,4");
  assert.equal(decimalComma(0.98, 2), "0,98");
  assert.equal(decimalComma(5, 2), "5");
  assert.equal(oneDecimal(4472), "4472.0");
  assert.equal(oneDecimal(3293.1), "3293.1");
});

test("CSV quoting is minimal, as in the real order log", () => {
  assert.equal(csvField("Тарелка обеденная 25 см"), "Тарелка обеденная 25 см");
  assert.equal(csvField("Алоэ Вера, d12, h30"), '"Алоэ Вера, d12, h30"');
  assert.equal(csvField('Таз 21,0 л "Водолей"'), '"Таз 21,0 л ""Водолей"""');
  assert.equal(csvField("a;b", ";"), '"a;b"');
  assert.equal(csvText(["id", "x"], [[1, "a"]], {eol: "\r\n"}), "id,x\r\n1,a\r\n");
});

test("helpers: apportion, intercept calibration, uuid layout, hour stamps", () => {
  assert.deepEqual(apportion(10, [0.24, 0.32, 0.2, 0.14, 0.1]), [2, 3, 2, 2, 1]);
  assert.equal(apportion(4000, [0.24, 0.32, 0.2, 0.14, 0.1]).reduce((a, b) => a + b), 4000);
  const scores = [-2, -1, 0, 1, 2, 3];
  const b = calibrateIntercept(scores, 0.3);
  assert.ok(Math.abs(scores.reduce((s, x) => s + sigmoid(b + x), 0) / scores.length - 0.3) < 1e-9);
  assert.equal(uuidFromWords(0, 0, 0, 0), "00000000-0000-4000-8000-000000000000");
  assert.equal(uuidFromWords(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff), "ffffffff-ffff-4fff-bfff-ffffffffffff");
  const cal = calendar();
  assert.equal(cal.days, 488);
  assert.equal(cal.monthLabel.length, 16);
  assert.equal(slotStamp(cal, 0), "2018100100");
  assert.equal(slotStamp(cal, 31 * 24 + 5), "2018110105");
  assert.equal(slotStamp(cal, cal.days * 24 - 1), "2020013123");
});
