// The fast suites: every test that runs inside jest's own process. Left out are the tests that
// start other programs (LibreOffice, Chromium, webpack, the dev server, tsx child processes);
// `npm run mutate` runs this config once per mutant, so seconds here are hours there.
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testPathIgnorePatterns: [
    "/node_modules/",
    "/test/build/", // webpack production build, headless Chromium
    "/test/scripts/start", // the HTTPS dev server
    "/test/xlsx/libreoffice", // LibreOffice recalculates and prints
    "/test/xlsx/png", // LibreOffice and poppler render pages
    "/test/xlsx/document", // LibreOffice converts to CSV and PDF
    "/test/xlsx/stagesByPath", // LibreOffice recalculates
    "/test/domain/spec/reviewFunnel", // LibreOffice recalculates
    "/test/domain/spec/reviewMetrics", // LibreOffice recalculates
    "/test/cli/check\\.test", // spawns tsx
    "/test/cli/workbook\\.test", // spawns tsx
    "/test/cli/checkPlanted", // LibreOffice saves a planted file again
  ],
};
