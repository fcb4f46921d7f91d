// Check: the findings of the live check grouped by sheet, errors and warnings counted, each one
// click away from its cell. The check itself runs in the shell (useLiveCheck), so the tab's badge
// is right whichever panel is open.
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Language } from "../../domain/spec/vocabulary";
import { messages } from "../../i18n";
import type { CheckAdapters, CheckResult, Finding } from "../adapters";
import { ErrorBar, Loading, Note, Panel } from "../shell/parts";
import { useAction, type Loaded } from "../shell/work";

export interface CheckPanelProps {
  readonly language: Language;
  readonly state: Loaded<CheckResult>;
  readonly onRecheck: () => void;
  readonly goToFinding: CheckAdapters["goToFinding"];
  readonly describeFinding: CheckAdapters["describeFinding"];
}

export interface SheetFindings {
  readonly sheet: string;
  readonly errors: number;
  readonly warnings: number;
  readonly findings: readonly Finding[];
}

/** Findings by sheet in the order the check met them, each sheet's rows top to bottom. */
export function groupBySheet(findings: readonly Finding[]): SheetFindings[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.sheet, [...(groups.get(f.sheet) ?? []), f]);
  return [...groups].map(([sheet, list]) => {
    const sorted = [...list].sort((a, b) => a.row - b.row || a.columnNumber - b.columnNumber);
    const errors = sorted.filter((f) => f.severity === "error").length;
    return { sheet, errors, warnings: sorted.length - errors, findings: sorted };
  });
}

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  groupHeading: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  finding: {
    justifyContent: "flex-start",
    textAlign: "start",
    height: "auto",
    minHeight: "32px",
    columnGap: tokens.spacingHorizontalS,
    width: "100%",
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, minWidth: "3em" },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center" },
});

export function CheckPanel({ language, state, onRecheck, goToFinding, describeFinding }: CheckPanelProps) {
  const text = messages(language).taskpane.check;
  const styles = useStyles();
  const [where, setWhere] = useState<{ sheet: string; result: string } | undefined>();
  const goTo = useAction(async (finding: Finding) => {
    const result = await goToFinding(finding);
    setWhere({ sheet: finding.sheet, result });
  });

  const body = (() => {
    if (state.status === "loading") return <Loading language={language} />;
    if (state.status === "error") return <ErrorBar error={state.error} language={language} onRetry={onRecheck} />;
    const groups = groupBySheet(state.data.findings);
    if (groups.length === 0) return <Note intent="success">{text.clean}</Note>;
    const errors = groups.reduce((n, g) => n + g.errors, 0);
    const warnings = groups.reduce((n, g) => n + g.warnings, 0);
    return (
      <>
        <Text weight="semibold" role="status">
          {text.counts(errors, warnings)}
        </Text>
        {groups.map((group, g) => (
          <section key={group.sheet} className={styles.group} aria-labelledby={`check-sheet-${g}`}>
            <h3 className={styles.groupHeading} id={`check-sheet-${g}`}>
              <Text weight="semibold">{group.sheet}</Text>
              {group.errors > 0 && (
                <Badge color="danger" appearance="filled">
                  {`${group.errors} ${text.error}`}
                </Badge>
              )}
              {group.warnings > 0 && (
                <Badge color="warning" appearance="filled">
                  {`${group.warnings} ${text.warning}`}
                </Badge>
              )}
            </h3>
            <ul className={styles.list}>
              {group.findings.map((finding, i) => {
                const message = describeFinding(finding, language);
                return (
                  <li key={`${finding.cell}-${finding.code}-${i}`}>
                    <Button
                      appearance="subtle"
                      className={styles.finding}
                      aria-label={text.goTo(finding.cell, message)}
                      disabled={goTo.running}
                      onClick={() => void goTo.run(finding)}
                    >
                      <span className={styles.row}>
                        <Badge size="small" color={finding.severity === "error" ? "danger" : "warning"} appearance="tint">
                          {finding.severity === "error" ? text.error : text.warning}
                        </Badge>
                        <span className={styles.cell}>{finding.cell}</span>
                        <span>{message}</span>
                      </span>
                    </Button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </>
    );
  })();

  return (
    <Panel heading={text.heading} id="check-heading">
      <Text as="p">{text.intro}</Text>
      <div className={styles.row}>
        <Button onClick={onRecheck} disabled={state.status === "loading"}>
          {state.status === "loading" ? text.checking : text.recheck}
        </Button>
        <Text size={200}>{text.live}</Text>
      </div>
      {goTo.error !== undefined && <ErrorBar error={goTo.error} language={language} />}
      {where && where.result === "sheetMissing" && <Note intent="warning">{text.sheetMissing(where.sheet)}</Note>}
      {where && where.result === "sheetHidden" && <Note intent="warning">{text.sheetHidden(where.sheet)}</Note>}
      {body}
    </Panel>
  );
}
