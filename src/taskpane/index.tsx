// The shared runtime page's UI: waits for Office, then renders the pane in Office's language
// and theme. Failures are shown in the pane, never only in the console.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { languageFor, messages } from "../i18n";
import { App, StartupError } from "./App";
import { ErrorBoundary } from "./ErrorBoundary";
import { salesFunctionLinks } from "./functionLinks";
import { themeFor } from "./theme";

async function start(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  try {
    const info = await Office.onReady();
    const language = languageFor(Office.context?.displayLanguage);
    const text = messages(language);
    document.documentElement.lang = language;
    root.render(
      <FluentProvider theme={themeFor(Office.context?.officeTheme?.bodyBackgroundColor)}>
        <ErrorBoundary messages={text}>
          <App messages={text} functions={salesFunctionLinks()} notice={info.host ? undefined : text.taskpane.notInOffice} />
        </ErrorBoundary>
      </FluentProvider>,
    );
  } catch (error) {
    // Office.js missing or failing: say so in the browser's language, the only one known.
    const text = messages(languageFor(navigator.language));
    root.render(
      <FluentProvider theme={webLightTheme}>
        <StartupError messages={text} error={error} />
      </FluentProvider>,
    );
  }
}

const container = document.getElementById("root");
if (container) void start(container);
