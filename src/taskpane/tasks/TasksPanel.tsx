// Tasks: create a customer's path as task rows (stages and durations from Settings, owner from
// the Team roster), see overdue and due-soon tasks per owner, and go to the next lagging task.
import {
  Button,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { Language, PathKey } from "../../domain/spec/vocabulary";
import { tableSpec } from "../../domain/spec/workbook";
import { messages } from "../../i18n";
import type { TasksAdapters } from "../adapters";
import { ErrorBar, Loading, Note, Panel, inLanguage } from "../shell/parts";
import { useAction, useLoad } from "../shell/work";
import { countsByOwner, nextLaggingTask, type TasksBoard } from "./board";
import { MyTasks } from "./MyTasks";
import { Nudges } from "./Nudges";

export interface TasksPanelProps {
  readonly language: Language;
  readonly adapters: TasksAdapters;
}

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  number: { textAlign: "end" },
});

/** Serial date to "YYYY-MM-DD" and back (Excel's 1900 system, from 1900-03-01 on). */
export const isoOf = (serial: number) => new Date((serial - 25_569) * 86_400_000).toISOString().slice(0, 10);
export function serialOfIso(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return undefined;
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(time);
  if (back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return undefined;
  return time / 86_400_000 + 25_569;
}

export function TasksPanel({ language, adapters }: TasksPanelProps) {
  const text = messages(language).taskpane;
  const [board, reload] = useLoad(adapters.readTasks);
  if (board.status === "loading")
    return (
      <Panel heading={text.tasks.heading} id="tasks-heading">
        <Loading language={language} />
      </Panel>
    );
  if (board.status === "error") {
    return (
      <Panel heading={text.tasks.heading} id="tasks-heading">
        <ErrorBar error={board.error} language={language} onRetry={() => reload()} />
      </Panel>
    );
  }
  if (board.data === undefined) {
    return (
      <Panel heading={text.tasks.heading} id="tasks-heading">
        <Note intent="info">{text.notSetUp}</Note>
      </Panel>
    );
  }
  return <TasksBoardView language={language} adapters={adapters} board={board.data} onChanged={() => reload(true)} />;
}

function TasksBoardView({ language, adapters, board, onChanged }: TasksPanelProps & { board: TasksBoard; onChanged: () => void }) {
  const text = messages(language).taskpane;
  const styles = useStyles();
  const header = (key: string) => inLanguage(tableSpec("Tasks")!.columns.find((c) => c.key === key)!.header, language);
  const [customer, setCustomer] = useState(board.customers[0] ?? "");
  const [path, setPath] = useState<PathKey>("new");
  const [start, setStart] = useState(isoOf(board.today));
  const [owner, setOwner] = useState(board.owners[0] ?? "");
  const [lastLagging, setLastLagging] = useState<string | undefined>();
  const [selected, setSelected] = useState<string | undefined>();
  useEffect(() => {
    if (!board.customers.includes(customer)) setCustomer(board.customers[0] ?? "");
    if (!board.owners.includes(owner)) setOwner(board.owners[0] ?? "");
  }, [board, customer, owner]);

  const startSerial = serialOfIso(start);
  const chosenPath = board.paths.find((p) => p.key === path);
  const totalDays = chosenPath?.stages.reduce((n, s) => n + Math.max(0, s.days), 0) ?? 0;
  const create = useAction(async () => {
    const count = await adapters.createPathTasks(board, { customer, path, start: startSerial!, owner });
    onChanged();
    return { count, customer };
  });
  const counts = useMemo(() => countsByOwner(board.tasks, board.today, board.dueSoonDays), [board]);
  const goTo = useAction(async () => {
    const next = nextLaggingTask(board.tasks, board.today, board.lagAlertDays, lastLagging);
    if (!next) return "none" as const;
    const result = await adapters.goToTask(board.sheet, next.cell);
    setLastLagging(next.id);
    setSelected(result === "selected" ? text.tasks.selected(next.id, next.cell) : undefined);
    return result;
  });
  const canCreate = customer !== "" && owner !== "" && startSerial !== undefined && !create.running;

  return (
    <Panel heading={text.tasks.heading} id="tasks-heading">
      <form
        className={styles.form}
        aria-label={text.tasks.create}
        onSubmit={(event) => {
          event.preventDefault();
          if (canCreate) void create.run();
        }}
      >
        <Text weight="semibold">{text.tasks.create}</Text>
        {board.customers.length === 0 && <Note intent="warning">{text.tasks.noCustomers}</Note>}
        {board.owners.length === 0 && <Note intent="warning">{text.tasks.noOwners}</Note>}
        <Field label={header("customer")} required>
          <Select value={customer} onChange={(_, d) => setCustomer(d.value)} disabled={board.customers.length === 0}>
            {board.customers.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </Select>
        </Field>
        <Field label={header("path")} required hint={chosenPath ? text.tasks.stages(chosenPath.stages.length, totalDays) : undefined}>
          <Select value={path} onChange={(_, d) => setPath(d.value as PathKey)}>
            {board.paths.map((p) => (
              <option key={p.key} value={p.key}>
                {p.word}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={header("start")} required validationMessage={startSerial === undefined ? text.tasks.badDate : undefined}>
          <Input type="date" value={start} onChange={(_, d) => setStart(d.value)} />
        </Field>
        <Field label={header("owner")} required>
          <Select value={owner} onChange={(_, d) => setOwner(d.value)} disabled={board.owners.length === 0}>
            {board.owners.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </Select>
        </Field>
        <div className={styles.row}>
          <Button appearance="primary" type="submit" disabled={!canCreate}>
            {create.running ? text.tasks.creating : text.tasks.createButton}
          </Button>
        </div>
        {create.error !== undefined && <ErrorBar error={create.error} language={language} />}
        {create.result && <Note intent="success">{text.tasks.created(create.result.count, create.result.customer)}</Note>}
      </form>

      <section aria-labelledby="tasks-by-owner">
        <Text as="h3" weight="semibold" id="tasks-by-owner" style={{ margin: 0 }}>
          {text.tasks.byOwner}
        </Text>
        {counts.length === 0 ? (
          <Text as="p">{text.tasks.noOpenTasks}</Text>
        ) : (
          <Table size="small" aria-labelledby="tasks-by-owner">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{header("owner")}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{text.tasks.overdue}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{text.tasks.dueSoon}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {counts.map((c) => (
                <TableRow key={c.owner}>
                  <TableCell>{c.owner || text.tasks.unassigned}</TableCell>
                  <TableCell className={styles.number}>{c.overdue}</TableCell>
                  <TableCell className={styles.number}>{c.dueSoon}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <div className={styles.row}>
        <Button onClick={() => void goTo.run()} disabled={goTo.running}>
          {text.tasks.nextLagging}
        </Button>
      </div>
      {goTo.error !== undefined && <ErrorBar error={goTo.error} language={language} />}
      {goTo.result === "none" && <Note intent="info">{text.tasks.noLagging}</Note>}
      {goTo.result === "sheetMissing" && <Note intent="warning">{text.check.sheetMissing(board.sheet)}</Note>}
      {goTo.result === "sheetHidden" && <Note intent="warning">{text.check.sheetHidden(board.sheet)}</Note>}
      {goTo.result === "selected" && selected && <Note intent="info">{selected}</Note>}
      {adapters.myTasks && <MyTasks language={language} board={board} adapters={adapters.myTasks} />}
      {adapters.nudges && <Nudges language={language} adapters={adapters.nudges} />}
    </Panel>
  );
}
