// What the pane shows once the page has loaded, decided apart from the DOM so it can be tested:
// the pane in Office's language and theme, or a message that says what to do.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactElement } from "react";
import type { Language } from "../domain/spec/vocabulary";
import { languageFor, messages } from "../i18n";
import { App, StartupError } from "./App";
import { ErrorBoundary } from "./ErrorBoundary";
import { salesFunctionLinks } from "./functionLinks";
import { themeFor } from "./theme";
import { excelAdapters } from "./officeAdapters";
import { officeHost } from "../excel/host";

/** The part of Office.js the pane starts from. */
export type OfficeGlobal = Pick<typeof Office, "onReady"> & {
  readonly context?: { readonly displayLanguage?: string; readonly officeTheme?: { readonly bodyBackgroundColor?: string } };
};

/** What to render, and the language it is written in (for the page's lang attribute). */
export interface Pane {
  readonly language: Language;
  readonly element: ReactElement;
}

/**
 * @param office the Office global, undefined when Office.js did not load (offline, blocked)
 * @param browserLanguage the language for messages shown before Office can tell us its own
 * @param highContrast the system asks for forced colours (Windows high contrast)
 */
export async function paneFor(office: OfficeGlobal | undefined, browserLanguage: string | undefined, highContrast = false): Promise<Pane> {
  const fallback = languageFor(browserLanguage);
  if (office === undefined) {
    return {
      language: fallback,
      element: (
        <FluentProvider theme={webLightTheme}>
          <StartupError messages={messages(fallback)} officeMissing />
        </FluentProvider>
      ),
    };
  }
  try {
    const info = await office.onReady();
    const language = languageFor(office.context?.displayLanguage);
    const text = messages(language);
    const element = (
      <FluentProvider theme={themeFor(office.context?.officeTheme?.bodyBackgroundColor, highContrast)}>
        <ErrorBoundary messages={text}>
          <App
            language={language}
            functions={salesFunctionLinks()}
            notice={info.host ? undefined : text.taskpane.notInOffice}
            // Only Excel has the workbook the panels work on; elsewhere the pane lists the functions.
            adapters={String(info.host) === "Excel" ? excelAdapters(officeHost()) : undefined}
            onLanguageChange={(l) => {
              if (typeof document !== "undefined") document.documentElement.lang = l;
            }}
          />
        </ErrorBoundary>
      </FluentProvider>
    );
    return { language, element };
  } catch (error) {
    return {
      language: fallback,
      element: (
        <FluentProvider theme={webLightTheme}>
          <StartupError messages={messages(fallback)} error={error} />
        </FluentProvider>
      ),
    };
  }
}
