// Webpack loader for zod's v4/core/util.js in the browser bundles. zod probes for eval with
// `new F("")` (F = Function) unless jitless is set; the pane sets jitless (src/taskpane/noEval.ts),
// so the probe never runs, but minified it reads `new Function("")` and the pages' CSP forbids eval.
// The probe is replaced by "no eval here". The build fails the day the probe's text changes, so a
// zod upgrade is looked at (zod's version is pinned for this).
module.exports = function zodNoEvalLoader(source) {
  const probe = /const F = Function;\s*new F\(""\);\s*return true;/;
  if (!probe.test(source)) {
    throw new Error(
      "zodNoEvalLoader: zod's eval probe in v4/core/util.js has changed; review scripts/webpack/zodNoEvalLoader.cjs for this zod version.",
    );
  }
  // Its comment names the constructor too; development bundles keep comments.
  return source.replace(probe, "return false;").replace(/^\s*\/\/.*\bnew Function\b.*$/gm, "");
};
