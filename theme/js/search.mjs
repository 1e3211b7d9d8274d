// The search page: reads the query and filters from the address after '#' (so searches can be shared
// and bookmarked, and the host never sees them), runs them with Pagefind and lists the results.
// Pagefind's bundle sits in pagefind/ at the site root, one folder up from this script, which the build
// bundles into assets/search.js. Pagefind is loaded at run time from a URL computed from import.meta.url,
// so the bundler leaves that import as it is: keep it a computed URL, not a string literal.

const form = document.getElementById("search-form");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const input = document.getElementById("search-q");
const sortMenu = document.getElementById("search-sort");
const filterCount = document.getElementById("search-filter-count");
const boxes = [...form.querySelectorAll("input[data-filter]")];
document.getElementById("search-no-script").hidden = true;

// The search lives in the address after '#': browsers never send that part to the host, so the words
// are in no request line and no server log. A shared link with '?q=' still works: it is moved after
// '#' and the history entry replaced, so the words do not stay in the address that was requested.
if (window.location.search) {
  const moved = new URLSearchParams(window.location.search);
  history.replaceState(null, "", window.location.pathname + (moved.toString() ? "#" + moved : ""));
}

let query = "";
let chosen = { theme: [], type: [], year: [] };
let sort = "";

function readAddress() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  query = (params.get("q") || "").trim();
  chosen = { theme: params.getAll("theme"), type: params.getAll("type"), year: params.getAll("year") };
  sort = params.get("sort") === "newest" ? "newest" : "";
  input.value = query;
  sortMenu.value = sort;
  for (const box of boxes) box.checked = (chosen[box.dataset.filter] || []).includes(box.value);
  countFilters();
}

// "Filter and sort (2 chosen)": the closed disclosure says how many filters are on.
function countFilters() {
  const on = boxes.filter((box) => box.checked).length + (sortMenu.value ? 1 : 0);
  filterCount.textContent = on > 0 ? ` (${on} chosen)` : "";
}

form.addEventListener("change", countFilters);

// A search replaces the address's current entry rather than adding one per search, so the browser's
// history keeps no trail of queries.
form.addEventListener("submit", (event) => {
  event.preventDefault();
  const params = new URLSearchParams();
  const words = input.value.trim();
  if (words) params.append("q", words);
  for (const box of boxes) if (box.checked) params.append(box.dataset.filter, box.value);
  if (sortMenu.value) params.append("sort", sortMenu.value);
  history.replaceState(null, "", window.location.pathname + (params.toString() ? "#" + params : ""));
  readAddress();
  readAddress();
run();
});

// Editing the address by hand, or following a link to another search on this page.
window.addEventListener("hashchange", () => {
  readAddress();
  readAddress();
run();
});

function filtersFor() {
  const filters = {};
  for (const [name, values] of Object.entries(chosen)) {
    if (values.length > 0) filters[name] = { any: values };
  }
  return filters;
}

// Pagefind wraps matches in <mark>; everything else is shown as text, never as markup.
function excerpt(html) {
  const p = document.createElement("p");
  p.className = "govuk-body";
  const parsed = new DOMParser().parseFromString(`<div>${html}</div>`, "text/html").body.firstChild;
  for (const node of parsed.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      p.append(mark);
    } else {
      p.append(document.createTextNode(node.textContent));
    }
  }
  return p;
}

function describe(count, words = query) {
  const what = `${count} ${count === 1 ? "result" : "results"}`;
  const parts = [];
  if (words) parts.push(`for \u2018${words}\u2019`);
  const picked = [...chosen.theme, ...chosen.type, ...chosen.year];
  if (picked.length > 0) parts.push(`filtered by ${picked.join(", ")}`);
  return [what, ...parts].join(" ");
}

const PAGE = 10;

// One result: its linked title, a line of facts, then its text.
function entry(title, url, facts, text) {
  const item = document.createElement("li");
  item.className = "app-search-result";
  const heading = document.createElement("h3");
  heading.className = "govuk-heading-s";
  const link = document.createElement("a");
  link.className = "govuk-link";
  link.href = url;
  link.textContent = title;
  heading.append(link);
  item.append(heading);
  if (facts.length > 0) {
    const meta = document.createElement("p");
    meta.className = "app-meta";
    meta.textContent = facts.join(", ");
    item.append(meta);
  }
  item.append(text);
  return item;
}

function show(results) {
  for (const result of results) {
    const facts = [...(result.filters.type || []), ...(result.filters.year || []).map((y) => `Board year ${y}`)];
    list.append(entry(result.meta.title, result.url, facts, excerpt(result.excerpt)));
  }
}

let loaded;

// Pagefind, loaded and set up once for every search the page runs.
function loadPagefind() {
  loaded ??= (async () => {
    const pagefind = await import(new URL("../pagefind/pagefind.js", import.meta.url).href);
    // noWorker: search on this page's own thread. A web worker would download a second copy of
    // Pagefind's code (pagefind-worker.js) to run a search that is short even on the benchmark's
    // largest site (tests/bench/RESULTS.md gives what a search downloads there).
    await pagefind.options({ excerptLength: 30, noWorker: true });
    return pagefind;
  })();
  return loaded;
}

let terms;

// search/terms.json, made by the build from the glossary and the themes: what acronyms and other
// names stand for, the words to correct typos against, the themes, and the withheld reviews' names.
function loadTerms() {
  terms ??= fetch(new URL("../search/terms.json", import.meta.url).href)
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null)
    .then((json) => json ?? { expand: {}, words: [], names: [], themes: [], withheld: [] });
  return terms;
}

// As the build compares names: lower case, letters and digits, single spaces.
export function normalise(text) {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

// The searches a query stands for: itself; what the whole query stands for ("dv" is domestic abuse);
// and, word by word, the query with an acronym replaced ("cse training").
export function expand(query, known) {
  const searches = [query];
  const key = normalise(query);
  for (const target of known.expand[key] || []) searches.push(target);
  const words = key.split(" ");
  if (words.length > 1) {
    words.forEach((word, i) => {
      for (const target of known.expand[word] || []) searches.push([...words.slice(0, i), target, ...words.slice(i + 1)].join(" "));
    });
  }
  return [...new Set(searches)];
}

// Optimal string alignment distance: edits, with two swapped letters counting as one.
function distance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

// "Did you mean": a name one or two letters from the whole query, else the query with each mistyped
// word corrected to the nearest word of the names. Short words allow one letter, longer ones two.
export function suggest(query, known) {
  const key = normalise(query);
  const near = (word, candidates) => {
    const allowed = word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0;
    let best = null;
    let bestDistance = allowed + 1;
    for (const candidate of candidates) {
      if (Math.abs(candidate.length - word.length) > allowed) continue;
      const d = distance(word, candidate);
      if (d < bestDistance) [best, bestDistance] = [candidate, d];
    }
    return best;
  };
  const whole = near(key, known.names);
  if (whole && whole !== key) return whole;
  const vocabulary = new Set(known.words);
  const words = key.split(" ");
  const fixed = words.map((word) => (vocabulary.has(word) || word.length < 4 ? word : near(word, known.words) || word));
  const corrected = fixed.join(" ");
  return corrected !== key ? corrected : null;
}

// Pagefind never finds nothing: for a word it does not hold ("qwertyuiop") it matches the longest
// prefix it does ("Q"). A search counts only when its best result matches every word of the query
// with a word that shares most of its letters (allowing for Pagefind's stemming: "policies" finds
// "policy"); that result's text is the one shown first anyway.
function shared(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

async function meaningful(words, search) {
  if (search.results.length === 0) return false;
  const best = search.results[0];
  const data = await best.data();
  const text = data.content.split(/\s+/);
  const matched = best.words.flatMap((i) => normalise(text[i] || "").split(" "));
  return normalise(words).split(" ").every((word) => {
    const needed = Math.min(word.length, Math.max(3, Math.ceil(word.length * 0.6)));
    return matched.some((m) => shared(word, m) >= needed);
  });
}

// Runs the searches a query stands for. The reader's own words come first, in Pagefind's order; only
// when they fill less than a page are the other names searched too ("dv" for domestic abuse), and
// the pages found through them follow, best first, each page once. A query that finds a page of
// results on its own words downloads nothing more: another name's words ("child") can need a large
// part of the index.
async function searchAll(pagefind, searches, options) {
  const seen = new Set();
  const ordered = [];
  const take = (results) => {
    for (const result of results) {
      if (seen.has(result.id)) continue;
      seen.add(result.id);
      ordered.push(result);
    }
  };
  const own = await pagefind.search(searches[0], options);
  if (await meaningful(searches[0], own)) take(own.results);
  if (ordered.length >= PAGE || searches.length === 1) return ordered;
  const others = await Promise.all(searches.slice(1).map((words) => pagefind.search(words, options)));
  const kept = await Promise.all(others.map((search, i) => meaningful(searches[i + 1], search)));
  take(others.filter((_, i) => kept[i]).flatMap((search) => search.results).sort((a, b) => b.score - a.score));
  return ordered;
}

const help = document.getElementById("search-help");

// A withheld review's entry: its title and the notice, never anything of its findings.
function notice(review) {
  const text = document.createElement("p");
  text.className = "govuk-body";
  text.textContent = "The Board decided not to publish the findings of this review.";
  return entry(review.title, review.url, ["Case review"], text);
}

// Searches from this page replace the address's entry, as the form does.
function searchFor(words) {
  history.replaceState(null, "", window.location.pathname + "#" + new URLSearchParams({ q: words }));
  readAddress();
  run();
}

// "Did you mean ...?", as a link that runs that search.
function offer(words) {
  const p = document.createElement("p");
  p.className = "govuk-body";
  p.id = "search-suggestion";
  const link = document.createElement("a");
  link.className = "govuk-link";
  link.href = "#" + new URLSearchParams({ q: words });
  link.textContent = words;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    searchFor(words);
  });
  p.append("Did you mean ", link, "?");
  help.replaceChildren(p);
}

// Nothing matched: say so plainly, and offer the themes instead of unrelated pages.
function listThemes(known) {
  const p = document.createElement("p");
  p.className = "govuk-body";
  p.id = "search-none";
  p.textContent = "Nothing on this site matches those words. Check the spelling, use fewer words, or look through a theme:";
  const ul = document.createElement("ul");
  ul.className = "govuk-list";
  for (const theme of known.themes) {
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.className = "govuk-link";
    link.href = theme.url;
    link.textContent = theme.title;
    li.append(link);
    ul.append(li);
  }
  help.replaceChildren(p, ul);
}

// Only the latest search may write to the page: an older one still loading is dropped.
let generation = 0;

async function run() {
  const mine = ++generation;
  const filters = filtersFor();
  list.replaceChildren();
  help.replaceChildren();
  more.hidden = true;
  if (!query && Object.keys(filters).length === 0) {
    status.textContent = "";
    return;
  }
  status.textContent = "Searching\u2026";
  try {
    const pagefind = await loadPagefind();
    const known = query ? await loadTerms() : null;
    const options = { filters, sort: sort === "newest" ? { published: "desc" } : undefined };
    let results;
    let corrected = null;
    if (!query) {
      results = (await pagefind.search(null, options)).results;
    } else {
      results = await searchAll(pagefind, expand(query, known), options);
      if (results.length === 0) {
        const guess = suggest(query, known);
        const fixed = guess ? await searchAll(pagefind, expand(guess, known), options) : [];
        if (fixed.length > 0) [corrected, results] = [guess, fixed];
      }
    }
    if (mine !== generation) return;
    // A withheld review is found by its name alone, as its notice: nothing of it is in the index.
    const withheld = query && Object.keys(filters).every((f) => f === "type" && chosen.type.includes("Case review"))
      ? known.withheld.filter((w) => normalise(w.title) === normalise(query)) : [];
    for (const w of withheld) list.append(notice(w));
    // Each result's text is a separate download: fetch a page of them at a time.
    let shown = 0;
    const next = async () => {
      const page = await Promise.all(results.slice(shown, shown + PAGE).map((r) => r.data()));
      if (mine !== generation) return;
      show(page, true);
      shown += page.length;
      more.hidden = shown >= results.length;
    };
    more.onclick = async () => {
      const first = withheld.length + shown;
      await next();
      // Keyboard and screen reader users carry on from the first new result.
      list.children[first]?.querySelector("a")?.focus();
    };
    await next();
    if (mine !== generation) return;
    const count = results.length + withheld.length;
    status.textContent = corrected
      ? `No results for \u2018${query}\u2019. ${describe(count, corrected)}`
      : describe(count);
    if (corrected) offer(corrected);
    else if (count === 0 && query) listThemes(known);
  } catch (error) {
    status.textContent = "Search is not working at the moment. You can still browse the case reviews and themes.";
    console.error(error);
  }
}

readAddress();
run();
