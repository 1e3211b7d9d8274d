// The search page: reads the query and filters from the address (the form is a plain GET form, so
// searches can be shared and bookmarked), runs them with Pagefind and lists the results.
// Pagefind's bundle sits in pagefind/ at the site root, one folder up from this script, which the build
// bundles into assets/search.js. Pagefind is loaded at run time from a URL computed from import.meta.url,
// so the bundler leaves that import as it is: keep it a computed URL, not a string literal.

const form = document.getElementById("search-form");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
document.getElementById("search-no-script").hidden = true;

const params = new URLSearchParams(window.location.search);
const query = (params.get("q") || "").trim();
const chosen = { theme: params.getAll("theme"), type: params.getAll("type"), year: params.getAll("year") };
const sort = params.get("sort") === "newest" ? "newest" : "";

form.elements.q.value = query;
form.elements.sort.value = sort;
for (const box of form.querySelectorAll("input[type=checkbox]")) {
  box.checked = (chosen[box.name] || []).includes(box.value);
}

const filters = {};
for (const [name, values] of Object.entries(chosen)) {
  if (values.length > 0) filters[name] = { any: values };
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

async function run() {
  if (!query && Object.keys(filters).length === 0) {
    status.textContent = "";
    return;
  }
  status.textContent = "Searching\u2026";
  try {
    const pagefind = await import(new URL("../pagefind/pagefind.js", import.meta.url).href);
    // noWorker: search on this page's own thread. A web worker would download a second copy of
    // Pagefind's code (pagefind-worker.js, 43 kB) to run a search that takes about 50 ms at 10,000 cases.
    await pagefind.options({ excerptLength: 30, noWorker: true });
    const search = await pagefind.search(query || null, {
      filters,
      sort: sort === "newest" ? { published: "desc" } : undefined,
    });
    // Each result's text is a separate download: fetch a page of them at a time.
    let shown = 0;
    const more = document.getElementById("search-more");
    const next = async () => {
      const page = await Promise.all(search.results.slice(shown, shown + PAGE).map((r) => r.data()));
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
    status.textContent = describe(search.results.length);
  } catch (error) {
    status.textContent = "Search is not working at the moment. You can still browse the case reviews and themes.";
    console.error(error);
  }
}

run();
