// The HTML reports in a real browser: Debian's headless Chromium, driven by
// playwright-core over the DevTools protocol. Runs `parallax compare` on the
// sample corpus, a generated 300-article corpus and a corpus of XSS probes,
// then checks every page: no console error, no request other than file://,
// no probe executed, filters and sorting change what is shown, no
// horizontal scrolling at 390 pixels, controls left out in print. Screenshots at 1280 and 390 pixels go
// to out/browser/. Last, it times `parallax compare` on 1,000 events.
//
//   cargo build --release && (cd tests/browser && npm ci && npm test)
//
// PARALLAX_BIN and CHROMIUM override target/release/parallax and
// /usr/bin/chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { generated, probes, root, PROBES } from "./corpora.mjs";

const bin = process.env.PARALLAX_BIN || join(root, "target", "release", "parallax");
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const out = join(root, "out", "browser");
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-sync",
  "--disable-component-update",
  "--disable-quic",
  "--no-first-run",
];

let browser;
const reports = {};

function compare(inputs, name) {
  const dir = join(out, name);
  const started = process.hrtime.bigint();
  execFileSync(bin, ["--quiet", "compare", ...inputs, "--out", dir], { stdio: "inherit" });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { dir, seconds };
}

before(async () => {
  assert.ok(existsSync(bin), `${bin} is missing: run cargo build --release first`);
  mkdirSync(out, { recursive: true });
  generated(join(out, "corpus-300"), 100);
  probes(join(out, "corpus-probes"));
  reports.sample = compare([join(root, "corpus")], "sample").dir;
  reports.generated = compare([join(out, "corpus-300")], "generated").dir;
  reports.probes = compare([join(out, "corpus-probes")], "probes").dir;
  browser = await chromium.launch({ executablePath, args: FLAGS, headless: true });
});

after(async () => {
  if (browser) await browser.close();
});

/**
 * Opens `file` of report `name` in a fresh page and records what the page
 * must not do: console errors, uncaught exceptions, requests other than
 * file://, alert/confirm/prompt calls.
 */
async function open(name, file, { width = 1280, javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    javaScriptEnabled,
  });
  const seen = { errors: [], requests: [] };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    seen.requests.push(url);
    return route.abort();
  });
  await context.addInitScript(() => {
    window.__dialogs = [];
    for (const name of ["alert", "confirm", "prompt"]) {
      window[name] = (message) => { window.__dialogs.push(`${name}: ${message}`); };
    }
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") seen.errors.push(message.text());
  });
  page.on("pageerror", (error) => seen.errors.push(String(error)));
  page.on("dialog", (dialog) => { seen.errors.push(`dialog: ${dialog.message()}`); dialog.dismiss(); });
  await page.goto(pathToFileURL(join(reports[name], file)).href);
  return { page, context, seen };
}

async function checkClean({ page, seen }, label) {
  const dialogs = await page.evaluate(() => window.__dialogs);
  assert.deepEqual(dialogs, [], `${label}: a probe ran`);
  assert.deepEqual(seen.errors, [], `${label}: console errors`);
  assert.deepEqual(seen.requests, [], `${label}: network requests`);
  const injected = await page.evaluate(() => ({
    images: document.querySelectorAll("img").length,
    scripts: document.querySelectorAll("script").length,
    handlers: document.querySelectorAll("[onerror], [onload], [onclick]").length,
    javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
  }));
  assert.deepEqual(injected, { images: 0, scripts: 1, handlers: 0, javascriptLinks: 0 }, label);
}

function pages(name) {
  return readdirSync(reports[name]).filter((file) => file.endsWith(".html")).sort();
}

async function visible(page, selector) {
  return page.locator(selector).evaluateAll((elements) => elements.filter((e) => e.checkVisibility()).length);
}

test("every page of the three reports is clean at 1280 and 390 pixels", async () => {
  for (const name of ["sample", "probes", "generated"]) {
    const files = pages(name);
    // The generated report: its index and its first ten events.
    const checked = name === "generated" ? files.filter((f) => f.startsWith("index") || /^event-e([1-9]|10)\.html$/.test(f)) : files;
    for (const file of checked) {
      for (const width of [1280, 390]) {
        const opened = await open(name, file, { width });
        await checkClean(opened, `${name}/${file} at ${width}`);
        const scrollWidth = await opened.page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= width, `${name}/${file}: body scrolls sideways at ${width} (${scrollWidth})`);
        await opened.context.close();
      }
    }
  }
});

test("probes are shown as text", async () => {
  for (const file of pages("probes")) {
    const opened = await open("probes", file);
    const text = await opened.page.evaluate(() => document.body.innerText);
    for (const probe of PROBES) {
      assert.ok(text.includes(probe), `probes/${file} does not show ${probe}`);
    }
    await opened.context.close();
  }
});

test("the index sorts by keyboard and searches", async () => {
  const { page, context, seen } = await open("generated", "index.html");
  const rows = "#events tbody tr";
  const nRows = await page.locator(rows).count();
  assert.ok(nRows >= 90, `${nRows} events`);
  const dates = () => page.locator(`${rows} td:nth-child(2)`).allInnerTexts();
  const byFindings = () => page.locator(`${rows} td:nth-child(6)`).evaluateAll((cells) => cells.map((c) => Number(c.dataset.value)));
  const before = await dates();
  // Sort by date, by keyboard: focus the heading's button and press Enter.
  await page.getByRole("button", { name: "Date" }).focus();
  await page.keyboard.press("Enter");
  const ascending = await dates();
  assert.deepEqual(ascending, [...before].sort());
  await page.keyboard.press("Enter");
  assert.deepEqual(await dates(), [...before].sort().reverse());
  await page.getByRole("button", { name: "Findings" }).click();
  const findings = await byFindings();
  assert.deepEqual(findings, [...findings].sort((a, b) => a - b));
  // Search: a speaker's surname keeps only that speaker's events.
  const search = page.getByLabel("Search events");
  await search.fill("rubio");
  const shown = await visible(page, rows);
  assert.equal(shown, 1, "the sample event alone quotes Rubio");
  await search.fill("");
  assert.equal(await visible(page, rows), nRows);
  await search.fill("daily ledger");
  const withOutlet = await visible(page, rows);
  assert.ok(withOutlet > 0 && withOutlet < nRows, `${withOutlet} of ${nRows} events by outlet`);
  assert.match(await page.locator("#search-status").innerText(), new RegExp(`^${withOutlet} of ${nRows} events shown$`));
  assert.deepEqual(seen.errors, []);
  await context.close();
});

/** The generated event with the most finding types: where filters can bite. */
function richestEvent() {
  let best = { file: "", types: 0 };
  for (const file of pages("generated").filter((f) => f.startsWith("event-"))) {
    const html = readFileSync(join(reports.generated, file), "utf8");
    const select = html.slice(html.indexOf('<select id="f-type">'), html.indexOf("</select>"));
    const types = select.split("<option").length;
    if (types > best.types) best = { file, types };
  }
  return best.file;
}

test("event filters change what is shown, by keyboard", async () => {
  const file = richestEvent();
  const { page, context, seen } = await open("generated", file);
  const findings = ".finding";
  const all = await visible(page, findings);
  const allRows = await visible(page, "tr.aligned");
  assert.ok(all >= 2, `${file}: ${all} findings`);
  const type = await page.locator("#f-type option").nth(1).getAttribute("value");
  await page.getByLabel("Finding type").selectOption(type);
  const ofType = await visible(page, findings);
  assert.ok(ofType >= 1 && ofType < all, `${file}: ${type} shows ${ofType} of ${all}`);
  const kinds = await page.locator(findings).evaluateAll((els) => els.filter((e) => e.checkVisibility()).map((e) => e.dataset.findings.split(":")[0]));
  assert.deepEqual([...new Set(kinds)], [type]);
  // Back to all types, then raise the minimum confidence with the arrow keys.
  await page.getByLabel("Finding type").selectOption("");
  assert.equal(await visible(page, findings), all);
  await page.getByLabel("Minimum confidence").focus();
  await page.keyboard.press("End");
  assert.equal(await page.locator("#f-confidence-value").innerText(), "1.00");
  const certain = await visible(page, findings);
  assert.ok(certain < all, `${file}: confidence 1 shows ${certain} of ${all}`);
  const confidences = await page.locator(findings).evaluateAll((els) => els.filter((e) => e.checkVisibility()).map((e) => Number(e.dataset.findings.split(":")[1])));
  assert.ok(confidences.every((c) => c >= 1));
  await page.keyboard.press("Home");
  assert.equal(await visible(page, findings), all);
  // A speaker keeps the rows and findings about them.
  const speaker = await page.locator("#f-speaker option").nth(1).getAttribute("value");
  await page.getByLabel("Speaker", { exact: true }).selectOption(speaker);
  const rows = await page.locator("tr.aligned, .only-here, .finding").evaluateAll((els) => els.filter((e) => e.checkVisibility()).map((e) => e.dataset.speakers.split("|")));
  assert.ok(rows.length > 0 && rows.every((names) => names.includes(speaker)), `${file}: ${speaker}`);
  assert.ok((await visible(page, "tr.aligned")) <= allRows);
  await page.getByRole("button", { name: "Show all" }).click();
  await page.waitForFunction((n) => document.querySelectorAll(".finding:not([hidden])").length === n, all);
  assert.deepEqual(seen.errors, []);
  await page.screenshot({ path: join(out, "event-filtered.png") });
  await context.close();
});

test("with scripts off everything is shown and no control is", async () => {
  for (const [name, file] of [["sample", "event-e1.html"], ["generated", "index.html"], ["generated", "event-e1.html"]]) {
    const { page, context } = await open(name, file, { javaScriptEnabled: false });
    const hidden = await page.locator("[hidden]").evaluateAll((els) => els.map((e) => e.id));
    assert.deepEqual(hidden.filter((id) => !["filters", "search-form"].includes(id)), [], `${name}/${file}`);
    assert.equal(await visible(page, "form"), 0, `${name}/${file}: a control that does nothing`);
    const rows = await page.locator("[data-findings], #events tbody tr").count();
    assert.equal(await visible(page, "[data-findings], #events tbody tr"), rows);
    await context.close();
  }
});

test("printed, the controls are left out and the full texts unfolded", async () => {
  const { page, context, seen } = await open("sample", "event-e1.html");
  assert.equal(await visible(page, "#filters"), 1);
  assert.equal(await visible(page, ".body"), 0, "full texts folded on screen");
  await page.emulateMedia({ media: "print" });
  assert.equal(await visible(page, "#filters"), 0);
  assert.equal(await visible(page, "nav"), 0);
  const bodies = await page.locator(".body").count();
  assert.ok(bodies >= 2 && (await visible(page, ".body")) === bodies, "full texts unfolded in print");
  await page.pdf({ path: join(out, "sample-event-e1.pdf"), format: "A4" });
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test("screenshots at 1280 and 390 pixels", async () => {
  for (const [name, file] of [["sample", "index.html"], ["sample", "event-e1.html"], ["generated", "index.html"], ["probes", "event-e1.html"]]) {
    for (const width of [1280, 390]) {
      const { page, context } = await open(name, file, { width });
      await page.screenshot({ path: join(out, `${name}-${file.replace(".html", "")}-${width}.png`), fullPage: true });
      await context.close();
    }
  }
  // The picture in the README (docs/report.png is a copy): the top of the
  // sample event page, the legend folded.
  const { page, context } = await open("sample", "event-e1.html", { width: 1000 });
  await page.evaluate(() => { document.querySelector(".legend-box").open = false; });
  await page.screenshot({ path: join(out, "report.png"), clip: { x: 0, y: 0, width: 1000, height: 980 } });
  await context.close();
});

test("time of compare on 1,000 events (shown, not asserted)", () => {
  const nArticles = generated(join(out, "corpus-1000"), 1000);
  const runs = [0, 1, 2].map(() => compare([join(out, "corpus-1000")], "generated-1000").seconds).sort((a, b) => a - b);
  const nEvents = pages("generated").length && readdirSync(join(out, "generated-1000")).filter((f) => f.startsWith("event-")).length;
  console.log(`compare + render: ${nEvents} events, ${nArticles} articles: median ${runs[1].toFixed(2)} s (runs ${runs.map((s) => s.toFixed(2)).join(", ")})`);
});
