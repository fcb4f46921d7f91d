// "My tasks" in the Tasks panel: the user says once which roster owner they are (kept in their
// own storage), then shows only their open tasks, in their own sheet view where Excel has one,
// and goes back to every task.
import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import type { Language } from "../../domain/spec/vocabulary";
import { messages } from "../../i18n";
import type { MyTasksAdapters } from "../adapters";
import { ErrorBar, Loading, Note } from "../shell/parts";
import { useAction, useLoad } from "../shell/work";
import type { TasksBoard } from "./board";
import { ownerStatus } from "./myTasks";

export interface MyTasksProps {
  readonly language: Language;
  readonly board: TasksBoard;
  readonly adapters: MyTasksAdapters;
}

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

export function MyTasks({ language, board, adapters }: MyTasksProps) {
  const m = messages(language).myTasks;
  const styles = useStyles();
  const [recalled, recall] = useLoad(adapters.memory.recall);
  // Picked in this session: wins over what was remembered, even when it could not be saved.
  const [chosen, setChosen] = useState<string | undefined>();
  const [changing, setChanging] = useState(false);
  const [pick, setPick] = useState(board.owners[0] ?? "");
  const [notSaved, setNotSaved] = useState(false);
  const mode = adapters.mode();

  const show = useAction(async (owner: string) => adapters.showMine(owner, board.language));
  const all = useAction(async () => adapters.showAll());

  const section = (body: ReactNode) => (
    <section aria-labelledby="my-tasks-heading" className={styles.section}>
      <Text as="h3" weight="semibold" id="my-tasks-heading" style={{ margin: 0 }}>
        {m.heading}
      </Text>
      {body}
    </section>
  );
  if (recalled.status === "loading") return section(<Loading language={language} />);
  if (recalled.status === "error") return section(<ErrorBar error={recalled.error} language={language} onRetry={() => recall()} />);

  const status = ownerStatus(chosen ?? recalled.data, board.owners);
  const choose = async () => {
    const owner = board.owners.includes(pick) ? pick : board.owners[0];
    if (owner === undefined) return;
    setChosen(owner);
    setChanging(false);
    show.clear();
    all.clear();
    try {
      await adapters.memory.remember(owner);
      setNotSaved(false);
    } catch {
      setNotSaved(true);
    }
  };

  if (status.kind !== "picked" || changing) {
    if (board.owners.length === 0) return section(<Note intent="warning">{m.noRoster}</Note>);
    return section(
      <>
        {status.kind === "stale" && !changing && <Note intent="warning">{m.stale(status.was)}</Note>}
        <form
          className={styles.section}
          aria-label={m.whoAreYou}
          onSubmit={(event) => {
            event.preventDefault();
            void choose();
          }}
        >
          <Field label={m.whoAreYou} hint={m.pickHint}>
            <Select value={board.owners.includes(pick) ? pick : board.owners[0]} onChange={(_, d) => setPick(d.value)}>
              {board.owners.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </Select>
          </Field>
          <div className={styles.row}>
            <Button type="submit">{m.save}</Button>
          </div>
        </form>
      </>,
    );
  }

  const owner = status.owner;
  const busy = show.running || all.running;
  return section(
    <>
      <div className={styles.row}>
        <Text>{m.you(owner)}</Text>
        <Button
          size="small"
          appearance="subtle"
          onClick={() => {
            setPick(owner);
            setChanging(true);
          }}
        >
          {m.change}
        </Button>
      </div>
      {notSaved && <Note intent="warning">{m.notRemembered}</Note>}
      {mode === "sharedFilter" && <Note intent="info">{m.sharedNote}</Note>}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => {
            all.clear();
            void show.run(owner);
          }}
        >
          {show.running ? m.showing : m.show}
        </Button>
        <Button
          disabled={busy}
          onClick={() => {
            show.clear();
            void all.run();
          }}
        >
          {m.showAll}
        </Button>
      </div>
      {show.error !== undefined && <ErrorBar error={show.error} language={language} />}
      {all.error !== undefined && <ErrorBar error={all.error} language={language} />}
      {show.result &&
        (show.result.count === 0 ? (
          <Note intent="info">{m.noneOpen(owner)}</Note>
        ) : (
          <Note intent="success">
            {show.result.view !== undefined ? m.shownView(show.result.count, show.result.view) : m.shownShared(show.result.count)}
          </Note>
        ))}
      {all.result && <Note intent="success">{all.result === "sheetView" ? m.allShownView : m.allShownShared}</Note>}
    </>,
  );
}
