/**
 * Benchmark of `npm run dev` as an analyst meets it: from the command to the first page drawn in a browser, with the
 * loaders' outputs already cached (build or preview once first). Each run starts `npm run dev` on a free port, opens
 * the overview in Debian's headless Chromium and stops when no cell is still loading (Framework's
 * <observablehq-loading>), then prints when the HTML was first served and when the page was drawn.
 *
 *   DATA_DIR=../shared/datasets npx tsx scripts/bench-dev.ts [--runs 3] [--path /]
 */
import {spawn} from "node:child_process";
import {createServer} from "node:net";
import {parseArgs} from "node:util";
import {launchBrowser} from "../tests/site/browser.ts";

const {values} = parseArgs({options: {runs: {type: "string", default: "3"}, path: {type: "string", default: "/"}}});

/** A port nothing listens on. */
const freePort = () => new Promise<number>((resolve) => {
  const server = createServer().listen(0, "127.0.0.1", () => {
    const {port} = server.address() as {port: number};
    server.close(() => resolve(port));
  });
});

const browser = await launchBrowser();
try {
  for (let run = 1; run <= Number(values.runs); run++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}${values.path}`;
    const started = performance.now();
    const dev = spawn("npm", ["run", "dev", "--", "--port", String(port), "--no-open"], {stdio: "ignore", detached: true});
    const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
    try {
      while (!(await fetch(url).then((r) => r.ok, () => false))) {
        if (performance.now() - started > 60_000) throw new Error(`npm run dev served nothing at ${url} within 60 s (run it by hand to see why)`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const served = seconds();
      const page = await browser.newPage();
      await page.goto(url, {waitUntil: "load"});
      await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {timeout: 60_000});
      console.log(`run ${run}: HTML served after ${served} s, the page drawn after ${seconds()} s`);
      await page.close();
    } finally {
      process.kill(-dev.pid!, "SIGTERM");
    }
  }
} finally {
  await browser.close();
}
