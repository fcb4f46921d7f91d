import {
  CounterBadge,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Suspense, lazy, useState } from "react";
import { LANGUAGES, type Language } from "../domain/spec/vocabulary";
import { messages, type Messages } from "../i18n";
import type { PaneAdapters } from "./adapters";
import { Loading } from "./shell/parts";
import { useLiveCheck } from "./shell/useLiveCheck";

// Each panel is its own chunk: the pane opens on Set up, and the others load when first opened.
const SetupPanel = lazy(() => import(/* webpackChunkName: "panel-setup" */ "./setup/SetupPanel").then((m) => ({ default: m.SetupPanel })));
const CheckPanel = lazy(() => import(/* webpackChunkName: "panel-check" */ "./check/CheckPanel").then((m) => ({ default: m.CheckPanel })));
const TasksPanel = lazy(() => import(/* webpackChunkName: "panel-tasks" */ "./tasks/TasksPanel").then((m) => ({ default: m.TasksPanel })));
const ReviewPanel = lazy(() => import(/* webpackChunkName: "panel-review" */ "./review/ReviewPanel").then((m) => ({ default: m.ReviewPanel })));
const SettingsPanel = lazy(() =>
  import(/* webpackChunkName: "panel-settings" */ "./settings/SettingsPanel").then((m) => ({ default: m.SettingsPanel })),
);

/** A SALES function as the pane lists it: its name and where its help is. */
export interface SalesFunctionLink {
  readonly name: string;
  /** How it is called, e.g. SALES.GROWTH(current, previous). */
  readonly signature: string;
  readonly helpUrl: string;
}

export interface AppProps {
  /** The pane's language at start (Office's display language); the user may switch it. */
  readonly language: Language;
  readonly functions: readonly SalesFunctionLink[];
  /** Shown above the content, e.g. when the page is opened outside Excel. */
  readonly notice?: string;
  /** Excel, as functions; without them (outside Excel) only the SALES functions are listed. */
  readonly adapters?: PaneAdapters;
  /** The set-up day, "YYYY-MM-DD"; the local date by default. */
  readonly today?: () => string;
  readonly onLanguageChange?: (language: Language) => void;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  header: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", columnGap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  language: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  tabs: { flexWrap: "wrap" },
  badge: { order: 1, width: "auto", marginLeft: tokens.spacingHorizontalXS },
  list: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  signature: {
    display: "block",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
});

type TabKey = "setup" | "check" | "tasks" | "review" | "settings" | "functions";
const TABS: readonly TabKey[] = ["setup", "check", "tasks", "review", "settings", "functions"];

const localDay = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

export function App({ language: initial, functions, notice, adapters, today = localDay, onLanguageChange }: AppProps) {
  const styles = useStyles();
  const [language, setLanguage] = useState<Language>(initial);
  const [tab, setTab] = useState<TabKey>(adapters ? "setup" : "functions");
  const [check, recheck] = useLiveCheck(adapters);
  const text = messages(language);
  const findings = check.status === "ready" ? check.data.findings.length : 0;
  const tabs = adapters ? TABS : (["functions"] as const);

  const panel = () => {
    if (!adapters || tab === "functions") return <FunctionsPanel messages={text} functions={functions} />;
    switch (tab) {
      case "setup":
        return <SetupPanel language={language} adapters={adapters} today={today} onChanged={recheck} />;
      case "check":
        return (
          <CheckPanel
            language={language}
            state={check}
            onRecheck={recheck}
            goToFinding={adapters.goToFinding}
            describeFinding={adapters.describeFinding}
          />
        );
      case "tasks":
        return <TasksPanel language={language} adapters={adapters} />;
      case "review":
        return <ReviewPanel language={language} adapters={adapters} />;
      case "settings":
        return <SettingsPanel language={language} adapters={adapters} />;
    }
  };

  return (
    <main className={styles.root} lang={language}>
      <div className={styles.header}>
        <Title3 as="h1">{text.common.productName}</Title3>
        <div className={styles.language}>
          <label htmlFor="pane-language">
            <Text size={200}>{text.taskpane.paneLanguage}</Text>
          </label>
          <Select
            id="pane-language"
            size="small"
            value={language}
            onChange={(_, d) => {
              setLanguage(d.value as Language);
              onLanguageChange?.(d.value as Language);
            }}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {messages(l).common.languageName}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {tabs.length > 1 && (
        <TabList
          className={styles.tabs}
          selectedValue={tab}
          onTabSelect={(_, d) => setTab(d.value as TabKey)}
          aria-label={text.taskpane.tabs.label}
          size="small"
        >
          {tabs.map((key) => (
            <Tab
              key={key}
              value={key}
              id={`tab-${key}`}
              aria-label={key === "check" && findings > 0 ? `${text.taskpane.tabs.check}, ${text.taskpane.findingsBadge(findings)}` : undefined}
              // The icon slot, moved after the label: the content slot is drawn twice (a bold copy reserves its width).
              icon={
                key === "check" && findings > 0
                  ? {
                      className: styles.badge,
                      children: <CounterBadge count={findings} size="small" color="danger" aria-hidden />,
                    }
                  : undefined
              }
            >
              {text.taskpane.tabs[key]}
            </Tab>
          ))}
        </TabList>
      )}
      <div role="tabpanel" aria-labelledby={tabs.length > 1 ? `tab-${tab}` : undefined}>
        <Suspense fallback={<Loading language={language} />}>{panel()}</Suspense>
      </div>
    </main>
  );
}

function FunctionsPanel({ messages: text, functions }: { messages: Messages; functions: readonly SalesFunctionLink[] }) {
  const styles = useStyles();
  return (
    <>
      <Text as="p">{text.taskpane.summary}</Text>
      <section aria-labelledby="sales-functions">
        <Subtitle2 as="h2" id="sales-functions">
          {text.taskpane.functionsHeading}
        </Subtitle2>
        <ul className={styles.list}>
          {functions.map((fn) => (
            <li key={fn.name}>
              <Link href={fn.helpUrl} target="_blank" rel="noopener noreferrer" aria-label={text.taskpane.functionHelp(fn.name)}>
                SALES.{fn.name}
              </Link>
              <code className={styles.signature}>{fn.signature}</code>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export interface StartupErrorProps {
  readonly messages: Messages;
  /** What went wrong, when something threw. */
  readonly error?: unknown;
  /** Office.js never arrived: the page was opened outside Office, or its CDN was unreachable. */
  readonly officeMissing?: boolean;
}

/** What the pane shows when it cannot start: what to do, and the reason, never a blank pane. */
export function StartupError({ messages, error, officeMissing = false }: StartupErrorProps) {
  const text = messages.taskpane;
  // The message adds its own full stop.
  const detail = (error instanceof Error ? error.message : String(error)).trim().replace(/[.。]+$/, "");
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{officeMissing ? text.officeMissing : text.loadError(detail)}</MessageBarBody>
    </MessageBar>
  );
}
