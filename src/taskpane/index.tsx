// The shared runtime page's UI. Failures are shown in the pane, never only in the console.
import "./noEval";
import { createRoot } from "react-dom/client";

import { paneFor, type OfficeGlobal } from "./startup";

async function start(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  // A property read, not the bare name: without Office.js, `Office` alone throws a ReferenceError.
  const office = (globalThis as { Office?: OfficeGlobal }).Office;
  const highContrast = typeof matchMedia === "function" && matchMedia("(forced-colors: active)").matches;
  const pane = await paneFor(office, navigator.language, highContrast);
  document.documentElement.lang = pane.language;
  root.render(pane.element);
}

const container = document.getElementById("root");
if (container) void start(container);
