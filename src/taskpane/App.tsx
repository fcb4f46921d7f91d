import { Link, MessageBar, MessageBarBody, Subtitle2, Text, Title2, makeStyles, tokens } from "@fluentui/react-components";
import type { Messages } from "../i18n";

/** A SALES function as the pane lists it: its name and where its help is. */
export interface SalesFunctionLink {
  readonly name: string;
  /** How it is called, e.g. SALES.GROWTH(current, previous). */
  readonly signature: string;
  readonly helpUrl: string;
}

export interface AppProps {
  readonly messages: Messages;
  readonly functions: readonly SalesFunctionLink[];
  /** Shown above the content, e.g. when the page is opened outside Excel. */
  readonly notice?: string;
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

export function App({ messages, functions, notice }: AppProps) {
  const styles = useStyles();
  const text = messages.taskpane;
  return (
    <main className={styles.root}>
      <Title2 as="h1">{messages.common.productName}</Title2>
      {notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <Text as="p">{text.summary}</Text>
      <section aria-labelledby="sales-functions">
        <Subtitle2 as="h2" id="sales-functions">
          {text.functionsHeading}
        </Subtitle2>
        <ul className={styles.list}>
          {functions.map((fn) => (
            <li key={fn.name}>
              <Link href={fn.helpUrl} target="_blank" rel="noopener noreferrer" aria-label={text.functionHelp(fn.name)}>
                SALES.{fn.name}
              </Link>
              <code className={styles.signature}>{fn.signature}</code>
            </li>
          ))}
        </ul>
      </section>
    </main>
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
