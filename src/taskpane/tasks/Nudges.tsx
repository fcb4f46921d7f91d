// Nudges in the Tasks panel: "Nudge owners of lagging tasks" shows first who would be nudged, for
// which task, how late and what output standard is due, and who cannot be and why; nothing is
// written until the user confirms; then what was done. Where Excel cannot mention people, it says
// so and offers no button.
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { CannotNudge, LaggingTask, Nudge } from "../../domain/nudges/plan";
import type { Language } from "../../domain/spec/vocabulary";
import { messages } from "../../i18n";
import type { NudgeAdapters } from "../adapters";
import { ErrorBar, Loading, Note } from "../shell/parts";
import { useAction } from "../shell/work";

export interface NudgesProps {
  readonly language: Language;
  readonly adapters: NudgeAdapters;
}

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  number: { textAlign: "end" },
  email: { display: "block", color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  wrap: { overflowWrap: "anywhere" },
});

const taskLabel = (t: LaggingTask) => (t.action ? `${t.taskId} · ${t.action}` : t.taskId);

export function Nudges({ language, adapters }: NudgesProps) {
  const m = messages(language).nudges;
  const styles = useStyles();
  const supported = adapters.supported();
  const preview = useAction(adapters.preview);
  const nudge = useAction(adapters.nudge);
  const [open, setOpen] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const ready = preview.result?.status === "ready" ? preview.result : undefined;
  const count = ready?.plan.nudges.length ?? 0;

  // Keyboard users land on the next thing to do: confirm once the preview is there.
  useEffect(() => {
    if (open && count > 0 && !nudge.result) confirmRef.current?.focus();
  }, [open, count, nudge.result]);

  const start = () => {
    nudge.clear();
    setOpen(true);
    void preview.run();
  };
  const close = () => {
    setOpen(false);
    preview.clear();
    nudge.clear();
    // Back to where it started, so the keyboard does not lose its place.
    setTimeout(() => startRef.current?.focus());
  };

  const section = (body: ReactNode) => (
    <section aria-labelledby="nudges-heading" className={styles.section}>
      <Text as="h3" weight="semibold" id="nudges-heading" style={{ margin: 0 }}>
        {m.heading}
      </Text>
      {body}
    </section>
  );
  if (!supported) return section(<Note intent="warning">{m.unsupported}</Note>);

  const startButton = (
    <div className={styles.row}>
      <Button ref={startRef} onClick={start} disabled={preview.running || nudge.running}>
        {m.preview}
      </Button>
    </div>
  );
  if (!open)
    return section(
      <>
        <Text as="p">{m.intro}</Text>
        {startButton}
      </>,
    );
  if (preview.running) return section(<Loading language={language} />);
  if (preview.error !== undefined) return section(<ErrorBar error={preview.error} language={language} onRetry={() => void preview.run()} />);
  if (!preview.result) return section(startButton);
  if (preview.result.status !== "ready") {
    const why = { unsupported: m.unsupported, noTasks: m.noTasks, noRecord: m.noRecord }[preview.result.status];
    return section(
      <>
        <Note intent="warning">{why}</Note>
        <div className={styles.row}>
          <Button onClick={close}>{m.close}</Button>
        </div>
      </>,
    );
  }

  const plan = nudge.result?.plan ?? preview.result.plan;
  const done = nudge.result;
  const nobody = plan.nudges.length === 0 && plan.cannot.length === 0 && plan.nudgedToday.length === 0;
  const reason = (c: CannotNudge) => m.reasons[c.reason](c.owner, (c.emails ?? []).join(", "));

  return section(
    <>
      {nobody && <Note intent="info">{m.nobody}</Note>}
      {!done && plan.nudges.length > 0 && (
        <NudgeTable caption={m.willNudge(plan.nudges.length)} id="nudges-will" language={language} rows={plan.nudges} />
      )}
      {done && (
        <Note intent="success">
          {m.done(done.nudged.length)}
          {done.takenMeanwhile.length > 0 ? ` ${m.takenMeanwhile(done.takenMeanwhile.length)}` : ""}
        </Note>
      )}
      {done && done.nudged.length > 0 && (
        <NudgeTable caption={m.nudged(done.nudged.length)} id="nudges-done" language={language} rows={done.nudged} />
      )}
      {plan.cannot.length > 0 && (
        <>
          <Text weight="semibold" id="nudges-cannot">
            {m.cannot(plan.cannot.length)}
          </Text>
          <Table size="small" aria-labelledby="nudges-cannot">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{m.owner}</TableHeaderCell>
                <TableHeaderCell>{m.task}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{m.daysLate}</TableHeaderCell>
                <TableHeaderCell>{m.why}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {plan.cannot.map((c, i) => (
                <TableRow key={`${c.cell}-${i}`}>
                  <TableCell>{c.owner || m.none}</TableCell>
                  <TableCell>{taskLabel(c) || c.cell}</TableCell>
                  <TableCell className={styles.number}>{c.daysLate}</TableCell>
                  <TableCell>{reason(c)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {plan.nudgedToday.length > 0 && (
        <Text as="p">
          {m.nudgedToday(plan.nudgedToday.length)}: {plan.nudgedToday.map((t) => `${t.taskId} (${t.owner})`).join(", ")}
        </Text>
      )}
      {nudge.error !== undefined && <ErrorBar error={nudge.error} language={language} />}
      <div className={styles.row}>
        {!done && plan.nudges.length > 0 && (
          <Button ref={confirmRef} appearance="primary" onClick={() => void nudge.run()} disabled={nudge.running}>
            {nudge.running ? m.nudging : m.confirm(plan.nudges.length)}
          </Button>
        )}
        <Button onClick={close} disabled={nudge.running}>
          {done || nobody || plan.nudges.length === 0 ? m.close : m.cancel}
        </Button>
      </div>
    </>,
  );
}

function NudgeTable({ caption, id, language, rows }: { caption: string; id: string; language: Language; rows: readonly Nudge[] }) {
  const m = messages(language).nudges;
  const styles = useStyles();
  return (
    <>
      <Text weight="semibold" id={id}>
        {caption}
      </Text>
      <Table size="small" aria-labelledby={id}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{m.owner}</TableHeaderCell>
            <TableHeaderCell>{m.task}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{m.daysLate}</TableHeaderCell>
            <TableHeaderCell>{m.outputStandard}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((n) => (
            <TableRow key={n.cell}>
              <TableCell>
                {n.owner} <span className={styles.email}>{n.email}</span>
              </TableCell>
              <TableCell>{taskLabel(n)}</TableCell>
              <TableCell className={styles.number}>{n.daysLate}</TableCell>
              <TableCell className={styles.wrap}>{n.outputStandard || m.none}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
