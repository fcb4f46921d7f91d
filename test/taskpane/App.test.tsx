// The minimal pane, rendered to HTML as React would paint it (no DOM needed): both languages,
// every SALES function linked to its help, errors shown rather than swallowed.
import { FluentProvider, teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { renderToStaticMarkup } from "react-dom/server";
import { messages } from "../../src/i18n";
import { LANGUAGES } from "../../src/domain/spec/vocabulary";
import { SIGNATURES } from "../../src/functions/signatures";
import { App, StartupError } from "../../src/taskpane/App";
import { ErrorBoundary } from "../../src/taskpane/ErrorBoundary";
import { salesFunctionLinks } from "../../src/taskpane/functionLinks";
import { themeFor } from "../../src/taskpane/theme";

/** Text as React writes it into HTML. */
const html = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const render = (element: React.ReactElement) => renderToStaticMarkup(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);

describe("task pane", () => {
  it.each(LANGUAGES)("shows the product name and summary in %s", (language) => {
    const text = messages(language);
    const page = render(<App language={language} functions={salesFunctionLinks()} />);
    expect(page).toContain(html(text.common.productName));
    expect(page).toContain(html(text.taskpane.summary));
    expect(page).toContain(html(text.taskpane.functionsHeading));
  });

  it("shows the two languages differently", () => {
    const english = render(<App language="en-US" functions={[]} />);
    const chinese = render(<App language="zh-CN" functions={[]} />);
    expect(chinese).toContain("销售策略规划器");
    expect(chinese).not.toBe(english);
  });

  it("links every declared SALES function to its section of help.html, as a focusable link", () => {
    const page = render(<App language="en-US" functions={salesFunctionLinks()} />);
    const names = Object.keys(SIGNATURES);
    expect(names.length).toBeGreaterThanOrEqual(15);
    for (const name of names) {
      const link = new RegExp(`<a [^>]*href="help\\.html#${name.toLowerCase()}"[^>]*>SALES\\.${name}</a>`);
      expect({ name, linked: link.test(page) }).toEqual({ name, linked: true });
    }
    expect(page).not.toMatch(/tabindex="-1"/);
  });

  // As Excel's autocomplete shows them from functions.json: arguments the formula must name are
  // bare even when their cell may be empty (TIER's value, SMART's goal), optional ones in brackets.
  it.each([
    ["GROWTH", "SALES.GROWTH(current, previous)"],
    ["LTV", "SALES.LTV(arpu, grossMargin, churnRate, [lifetimeCap])"],
    ["TIER", "SALES.TIER(value, winProbability, growth, [highValue], [mediumValue], [highWinProbability], [language])"],
    ["SMART", "SALES.SMART(goal, metric, target, deadline, [baseline], [start])"],
    ["WEIGHTED", "SALES.WEIGHTED(amounts, probabilities, [statuses])"],
  ])("shows %s's signature as its metadata declares it", (name, signature) => {
    const link = salesFunctionLinks().find((fn) => fn.name === name);
    expect(link?.signature).toBe(signature);
    expect(render(<App language="en-US" functions={salesFunctionLinks()} />)).toContain(`>${html(signature)}</code>`);
  });

  it("says when it is opened outside Excel", () => {
    const text = messages("en-US");
    expect(render(<App language="en-US" functions={[]} notice={text.taskpane.notInOffice} />)).toContain(html(text.taskpane.notInOffice));
  });

  it("shows a startup failure with its reason, as an alert", () => {
    const page = render(<StartupError messages={messages("zh-CN")} error={new Error("Office.js did not load")} />);
    expect(page).toContain("窗格无法启动：Office.js did not load。请关闭窗格后重新打开");
    expect(page).toContain('role="alert"');
  });

  it("shows a render error in the pane instead of a blank page", () => {
    const Broken = () => {
      throw new Error("boom");
    };
    // renderToStaticMarkup does not run error boundaries, so exercise the boundary's own steps.
    const boundary = new ErrorBoundary({ messages: messages("en-US"), children: <Broken /> });
    boundary.state = ErrorBoundary.getDerivedStateFromError(new Error("boom"));
    expect(render(boundary.render() as React.ReactElement)).toContain("The pane could not start: boom");
  });
});

describe("themeFor", () => {
  it.each([
    ["#1F1F1F", webDarkTheme],
    ["#000000", webDarkTheme],
    ["#FFFFFF", webLightTheme],
    ["#f3f2f1", webLightTheme],
    [undefined, webLightTheme],
    ["", webLightTheme],
    ["not a colour", webLightTheme],
  ])("background %s gets the matching Fluent theme", (background, theme) => {
    expect(themeFor(background)).toBe(theme);
  });

  it("gives Fluent's high-contrast theme when the system forces colours, whatever Office's background", () => {
    expect(themeFor("#FFFFFF", true)).toBe(teamsHighContrastTheme);
    expect(themeFor("#1F1F1F", true)).toBe(teamsHighContrastTheme);
  });
});
