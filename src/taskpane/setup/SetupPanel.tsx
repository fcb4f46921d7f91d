// Set up: the workbook's language, which sheets, sample data; one button that creates the planner
// or completes it in place, a progress bar through the plan's steps, then what was added.
import { Button, Checkbox, Field, ProgressBar, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { describeNotice } from "../../domain/plan/notices";
import type { PlanStepKind } from "../../domain/plan/types";
import type { SheetKey } from "../../domain/spec/types";
import { LANGUAGES, type Language } from "../../domain/spec/vocabulary";
import { WORKBOOK } from "../../domain/spec/workbook";
import { messages } from "../../i18n";
import type { Progress, SetupAdapters, SetUpSummary } from "../adapters";
import { ErrorBar, Loading, Note, Panel, inLanguage } from "../shell/parts";
import { useAction, useLoad } from "../shell/work";

export interface SetupPanelProps {
  readonly language: Language;
  readonly adapters: SetupAdapters;
  /** The set-up day, "YYYY-MM-DD" (sample dates are relative to it). */
  readonly today: () => string;
  /** Called after a set-up that changed the workbook, so other panels read it again. */
  readonly onChanged?: () => void;
}

/** Sheets a user may leave out: Settings always comes. */
const CHOOSABLE = WORKBOOK.sheets.filter((s) => s.key !== "settings");

const useStyles = makeStyles({
  sheets: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))", columnGap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  fieldset: { border: "none", margin: 0, padding: 0 },
});

export function SetupPanel({ language, adapters, today, onChanged }: SetupPanelProps) {
  const text = messages(language).taskpane;
  const styles = useStyles();
  const [info, reload] = useLoad(adapters.readWorkbookInfo);
  const [workbookLanguage, setWorkbookLanguage] = useState<Language>(language);
  const [sheets, setSheets] = useState<ReadonlySet<SheetKey>>(new Set(CHOOSABLE.map((s) => s.key)));
  const [sample, setSample] = useState(true);
  const [progress, setProgress] = useState<Progress | undefined>();

  const recorded = info.status === "ready" ? info.data.language : undefined;
  const existing = info.status === "ready" && info.data.sheets.length > 0;
  useEffect(() => {
    if (recorded) setWorkbookLanguage(recorded);
  }, [recorded]);

  const work = useCallback(async () => {
    setProgress({ done: 0, total: 1 });
    const summary = await adapters.setUp({ language: recorded ?? workbookLanguage, sheets: [...sheets], sample, today: today() }, (p) =>
      setProgress(p),
    );
    setProgress((p) => (p ? { done: p.total, total: p.total } : p));
    if (summary.steps > 0) onChanged?.();
    return summary;
  }, [adapters, recorded, workbookLanguage, sheets, sample, today, onChanged]);
  const setUp = useAction(work);
  useEffect(() => {
    if (setUp.result) reload(true);
  }, [setUp.result, reload]);

  if (info.status === "loading" && !setUp.result)
    return (
      <Panel heading={text.setup.heading} id="setup-heading">
        <Loading language={language} />
      </Panel>
    );
  if (info.status === "error") {
    return (
      <Panel heading={text.setup.heading} id="setup-heading">
        <ErrorBar error={info.error} language={language} onRetry={() => reload()} />
      </Panel>
    );
  }

  const toggle = (key: SheetKey, on: boolean) =>
    setSheets((old) => {
      const next = new Set(old);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <Panel heading={text.setup.heading} id="setup-heading">
      <Text as="p">{text.setup.intro}</Text>
      <Field label={text.setup.language} hint={recorded ? text.setup.languageRecorded(messages(recorded).common.languageName) : undefined}>
        <Select
          value={recorded ?? workbookLanguage}
          disabled={recorded !== undefined || setUp.running}
          onChange={(_, d) => setWorkbookLanguage(d.value as Language)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {messages(l).common.languageName}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className={styles.fieldset}>
        <legend>
          <Text weight="semibold">{text.setup.sheets}</Text>
        </legend>
        <div className={styles.sheets}>
          {CHOOSABLE.map((s) => (
            <Checkbox
              key={s.key}
              label={inLanguage(s.name, language)}
              checked={sheets.has(s.key)}
              disabled={setUp.running}
              onChange={(_, d) => toggle(s.key, d.checked === true)}
            />
          ))}
        </div>
        <Text size={200}>{text.setup.sheetsHint}</Text>
      </fieldset>
      <Checkbox label={text.setup.sample} checked={sample} disabled={setUp.running} onChange={(_, d) => setSample(d.checked === true)} />
      <Button appearance="primary" disabled={setUp.running} onClick={() => void setUp.run()}>
        {setUp.running ? text.setup.running : existing ? text.setup.upgrade : text.setup.run}
      </Button>
      {progress && (
        <Field
          label={setUp.running ? text.setup.running : text.setup.finished}
          validationMessage={text.setup.progress(Math.min(progress.done, progress.total), progress.total)}
          validationState="none"
        >
          <ProgressBar value={progress.total > 0 ? Math.min(progress.done, progress.total) / progress.total : 0} max={1} />
        </Field>
      )}
      {setUp.error !== undefined && <ErrorBar error={setUp.error} language={language} />}
      {setUp.result && <SetupSummary summary={setUp.result} language={language} />}
    </Panel>
  );
}

function SetupSummary({ summary, language }: { summary: SetUpSummary; language: Language }) {
  const text = messages(language).taskpane.setup;
  const styles = useStyles();
  const kinds = Object.entries(summary.added) as [PlanStepKind, number][];
  return (
    <>
      <Note intent="success">{summary.steps === 0 ? text.upToDate : text.done(summary.steps)}</Note>
      {kinds.length > 0 && (
        <section aria-label={text.added}>
          <Text weight="semibold">{text.added}</Text>
          <ul className={styles.list}>
            {kinds.map(([kind, n]) => (
              <li key={kind}>{text.stepKinds[kind](n)}</li>
            ))}
          </ul>
        </section>
      )}
      {summary.notices.length > 0 && (
        <section aria-label={text.notices}>
          <Text weight="semibold">{text.notices}</Text>
          <ul className={styles.list}>
            {summary.notices.map((notice, i) => (
              <li key={i}>{describeNotice(notice, language)}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
