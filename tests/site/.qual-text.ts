import {launchBrowser} from "./browser.ts";
const browser = await launchBrowser();
const page = await browser.newPage({viewport: {width: 1400, height: 900}});
await page.goto(process.argv[2], {waitUntil: "networkidle"});
await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
await page.waitForTimeout(500);
console.log(await page.evaluate(() => (document.querySelector("#observablehq-main") as HTMLElement).innerText));
await browser.close();
