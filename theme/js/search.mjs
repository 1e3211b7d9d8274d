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

function describe(count) {
  const what = `${count} ${count === 1 ? "result" : "results"}`;
  const parts = [];
  if (query) parts.push(`for \u2018${query}\u2019`);
  const picked = [...chosen.theme, ...chosen.type, ...chosen.year];
  if (picked.length > 0) parts.push(`filtered by ${picked.join(", ")}`);
  return [what, ...parts].join(" ");
}

const PAGE = 10;

function show(results, append) {
  if (!append) list.replaceChildren();
  for (const result of results) {
    const item = document.createElement("li");
    item.className = "app-search-result";
    const heading = document.createElement("h3");
    heading.className = "govuk-heading-s";
    const link = document.createElement("a");
    link.className = "govuk-link";
    link.href = result.url;
    link.textContent = result.meta.title;
    heading.append(link);
    item.append(heading);
    const facts = [...(result.filters.type || []), ...(result.filters.year || []).map((y) => `Board year ${y}`)];
    if (facts.length > 0) {
      const meta = document.createElement("p");
      meta.className = "app-meta";
      meta.textContent = facts.join(", ");
      item.append(meta);
    }
    item.append(excerpt(result.excerpt));
    list.append(item);
  }
}

let loaded;

// Pagefind, loaded and set up once for every search the page runs.
function loadPagefind() {
  loaded ??= (async () => {
    const pagefind = await import(new URL("../pagefind/pagefind.js", import.meta.url).href);
    // noWorker: search on this page's own thread. A web worker would download a second copy of
    // Pagefind's code (pagefind-worker.js, 43 kB) to run a search that takes about 50 ms at 10,000 cases.
    await pagefind.options({ excerptLength: 30, noWorker: true });
    return pagefind;
  })();
  return loaded;
}

// Only the latest search may write to the page: an older one still loading is dropped.
let generation = 0;

async function run() {
  const mine = ++generation;
  const filters = filtersFor();
  list.replaceChildren();
  more.hidden = true;
  if (!query && Object.keys(filters).length === 0) {
    status.textContent = "";
    return;
  }
  status.textContent = "Searching\u2026";
  try {
    const pagefind = await loadPagefind();
    const search = await pagefind.search(query || null, {
      filters,
      sort: sort === "newest" ? { published: "desc" } : undefined,
    });
    if (mine !== generation) return;
    // Each result's text is a separate download: fetch a page of them at a time.
    let shown = 0;
    const next = async () => {
      const page = await Promise.all(search.results.slice(shown, shown + PAGE).map((r) => r.data()));
      if (mine !== generation) return;
      show(page, shown > 0);
      shown += page.length;
      more.hidden = shown >= search.results.length;
    };
    more.onclick = async () => {
      const first = shown;
      await next();
      // Keyboard and screen reader users carry on from the first new result.
      list.children[first]?.querySelector("a")?.focus();
    };
    await next();
    if (mine === generation) status.textContent = describe(search.results.length);
  } catch (error) {
    status.textContent = "Search is not working at the moment. You can still browse the case reviews and themes.";
    console.error(error);
  }
}

readAddress();
run();
