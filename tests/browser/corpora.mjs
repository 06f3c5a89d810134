// Corpora for the browser test, written deterministically: the same
// arguments always give the same files. `generated` tells the stories of
// fixtures/stories.json, one event per (story, names, week), three outlets
// each, plus the sample corpus as one more event; `probes` holds articles
// whose text, title, outlet, id and url carry XSS probes.
import { mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync, rmSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, "..", "..");
const fixtures = JSON.parse(readFileSync(join(here, "fixtures", "stories.json"), "utf8"));

/** A small seeded generator (mulberry32), so every run picks the same names. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(list, next) {
  return list[Math.floor(next() * list.length)];
}

function fill(template, names) {
  return template.replace(/\{([A-Z_0-9]+)\}/g, (_, key) => names[key]);
}

/** The date `days` after 2024-01-01, as YYYY-MM-DD. */
function dateAfter(days) {
  return new Date(Date.UTC(2024, 0, 1) + days * 86400000).toISOString().slice(0, 10);
}

/**
 * Writes `nEvents` events of three articles each (front-matter `.txt`
 * files) and the sample corpus into `dir`; gives the number of articles.
 */
export function generated(dir, nEvents) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const next = random(20250218);
  let nArticles = 0;
  for (let event = 0; event < nEvents; event += 1) {
    const story = fixtures.stories[event % fixtures.stories.length];
    const [a, b] = [0, 1].map(() => [pick(fixtures.first_names, next), pick(fixtures.last_names, next)]);
    const names = {
      A: `${a[0]} ${a[1]}`,
      A_LAST: a[1],
      B: `${b[0]} ${b[1]}`,
      B_LAST: b[1],
      CITY: pick(fixtures.cities, next),
      ORG: pick(fixtures.organisations, next),
      RIVER: pick(fixtures.rivers, next),
      N: String(20 + Math.floor(next() * 900)),
      N2: String(1000 + Math.floor(next() * 9000)),
    };
    // A week apart, so that one story told again months later is another event.
    const published = dateAfter(event * 7);
    const outletStart = event % fixtures.outlets.length;
    story.texts.forEach((text, side) => {
      const outlet = fixtures.outlets[(outletStart + side) % fixtures.outlets.length];
      const file = `${String(event).padStart(5, "0")}-${side}.txt`;
      const front = `---\nid: g${event}-${side}\noutlet: ${outlet}\ntitle: ${fill(story.titles[side], names)}\npublished: ${published}\n---\n`;
      writeFileSync(join(dir, file), front + fill(text, names) + "\n");
      nArticles += 1;
    });
  }
  const sample = join(root, "corpus");
  for (const name of readdirSync(sample).sort()) {
    copyFileSync(join(sample, name), join(dir, `sample-${name}`));
    nArticles += 1;
  }
  return nArticles;
}

/** The XSS probes the pages must show as text and never run. */
export const PROBES = [
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "javascript:alert(1)",
];

/** Three articles on one story whose every field holds a probe. */
export function probes(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const [script, img, link] = PROBES;
  const text = (who, figure) =>
    `The council of Brackenford approved ${figure} million for a bridge ${script} on Thursday.\n\n` +
    `“The bridge ${img} will cut the drive across town by half,” said ${who}.\n\n` +
    `Read more at <a href="${link}">the council site</a> or [here](${link}).\n`;
  const articles = [
    { id: img, outlet: script, title: `Bridge ${script}`, url: link, published: "2025-03-04", text: text("Amara Holm", 40) },
    { id: `../../${script}`, outlet: img, title: `Bridge ${img}`, url: link, published: "2025-03-04", text: text("Amara Holm", 45) },
    { id: link, outlet: `Plain ${link}`, title: "Bridge approved", published: "2025-03-05", text: text("Bruno Dorn", 40) },
  ];
  writeFileSync(join(dir, "probes.json"), JSON.stringify(articles, null, 1));
}
