// Bundles the theme's scripts with esbuild, through its JavaScript API (which finds the platform's
// binary itself; its bin/esbuild is a JavaScript file or, after its install script has run, the
// native binary). The generator carries this file inside itself and runs its text with
// `node -e TEXT OUTDIR ENTRY...` in the folder holding node_modules (src/Assets/ThemeAssets.cs):
// the arguments are the output folder and the entry points. Each entry becomes one minified ES
// module holding everything it imports; a warning (such as an import.meta the target cannot have)
// fails the build like an error. The text is part of the scripts' cache key: changing it rebuilds them.
const [outdir, ...entryPoints] = process.argv.slice(1);
const fail = (kind, messages) => {
  for (const m of messages) {
    const at = m.location ? `${m.location.file}:${m.location.line}:${m.location.column + 1}: ` : "";
    console.error(`${at}${kind}: ${m.text}`);
  }
  process.exit(1);
};
let result;
try {
  result = require("esbuild").buildSync({
    entryPoints, outdir, entryNames: "[name]", outExtension: { ".js": ".js" },
    bundle: true, format: "esm", platform: "browser", minify: true, sourcemap: false,
    legalComments: "none", charset: "ascii",
    target: "es2017", supported: { "import-meta": true, "dynamic-import": true },
    logLevel: "silent", write: true,
  });
} catch (e) {
  fail("error", e.errors && e.errors.length > 0 ? e.errors : [{ text: String(e && e.message || e) }]);
}
if (result.warnings.length > 0) fail("warning", result.warnings);
