// Preview only: reloads the page after a rebuild, and shows the errors of a broken edit.
const built = new URL(import.meta.url).searchParams.get("v");
const events = new EventSource("/__preview/events");
function overlay(errors) {
  let box = document.getElementById("preview-errors");
  if (!errors) { box?.remove(); return; }
  if (!box) {
    box = document.createElement("div");
    box.id = "preview-errors";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:10000;background:#fff;color:#0b0c0c;border-top:5px solid #d4351c;padding:15px 20px;font:16px/1.4 system-ui,sans-serif;box-shadow:0 -2px 8px rgba(0,0,0,.3)";
    document.body.append(box);
  }
  const heading = document.createElement("h2");
  heading.textContent = "The last edit has errors: this page shows the last version that built";
  heading.style.cssText = "margin:0 0 10px;font-size:19px";
  const list = document.createElement("pre");
  list.style.cssText = "white-space:pre-wrap;margin:0;font:14px/1.4 ui-monospace,monospace";
  list.textContent = errors.join("\n");
  box.replaceChildren(heading, list);
}
events.onmessage = (event) => {
  const state = JSON.parse(event.data);
  if (!state.ok) { overlay(state.errors); return; }
  if (String(state.version) !== built) { window.location.reload(); return; }
  overlay(null);
};
