// Small pieces every panel uses: the loading line, the error bar with "try again", and the
// panel's frame with its heading.
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Language } from "../../domain/spec/vocabulary";
import { messages } from "../../i18n";
import { errorText } from "./work";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, "& p": { margin: 0 } },
  heading: { margin: 0 },
});

export function Panel({ heading, id, children }: { heading: string; id: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.panel} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={styles.heading}>
        {heading}
      </Subtitle2>
      {children}
    </section>
  );
}

export function Loading({ language }: { language: Language }) {
  return <Spinner size="small" labelPosition="after" label={messages(language).taskpane.loading} />;
}

/** An error, never swallowed: what happened in the user's words, and a way to try again. */
export function ErrorBar({ error, language, onRetry }: { error: unknown; language: Language; onRetry?: () => void }) {
  const text = messages(language).taskpane;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{text.failed(errorText(error, language).replace(/[.。]+$/, ""))}</MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {text.retry}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function Note({ intent, children }: { intent: "success" | "info" | "warning"; children: ReactNode }) {
  return (
    <MessageBar intent={intent} role="status">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}

/** A spec label in a language. */
export function inLanguage(label: { readonly en: string; readonly zh: string }, language: Language): string {
  return language === "zh-CN" ? label.zh : label.en;
}
