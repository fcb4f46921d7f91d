// Review: one card per metric of the Review sheet (actual against target, the variance, and the
// sheet's own on-track mark as a colour), the funnel chart, and the portable-formulas switch.
import { Badge, Button, Card, Switch, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Language } from "../../domain/spec/vocabulary";
import { tableSpec } from "../../domain/spec/workbook";
import { messages } from "../../i18n";
import type { ReviewAdapters } from "../adapters";
import type { MetricCard } from "../../excel/paneReview";
import { ErrorBar, Loading, Note, Panel, inLanguage } from "../shell/parts";
import { useAction, useLoad } from "../shell/work";

export interface ReviewPanelProps {
  readonly language: Language;
  readonly adapters: ReviewAdapters;
}

const useStyles = makeStyles({
  cards: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))", gap: tokens.spacingHorizontalS },
  card: { rowGap: tokens.spacingVerticalXS, borderLeftWidth: "4px", borderLeftStyle: "solid", borderLeftColor: tokens.colorNeutralStroke1 },
  onTrack: { borderLeftColor: tokens.colorPaletteGreenBorderActive },
  offTrack: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  figure: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  line: { display: "flex", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  actions: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, alignItems: "flex-start" },
});

/** As the sheet shows it (a rate as a percentage), in the pane's language. */
export function formatFigure(value: number | undefined, language: Language, percent = false): string | undefined {
  if (value === undefined) return undefined;
  return new Intl.NumberFormat(language, percent ? { style: "percent", maximumFractionDigits: 1 } : { maximumFractionDigits: 2 }).format(value);
}

export function ReviewPanel({ language, adapters }: ReviewPanelProps) {
  const text = messages(language).taskpane;
  const styles = useStyles();
  const [board, reload] = useLoad(adapters.readReview);
  const chart = useAction(() => adapters.upsertFunnelChart(text.review.funnelTitle));
  const portable = useAction(async (on: boolean) => {
    const result = await adapters.setPortableFormulas(on);
    reload(true);
    return result;
  });

  if (board.status === "loading")
    return (
      <Panel heading={text.review.heading} id="review-heading">
        <Loading language={language} />
      </Panel>
    );
  if (board.status === "error") {
    return (
      <Panel heading={text.review.heading} id="review-heading">
        <ErrorBar error={board.error} language={language} onRetry={() => reload()} />
      </Panel>
    );
  }
  if (board.data === undefined || board.data.cards.length === 0) {
    return (
      <Panel heading={text.review.heading} id="review-heading">
        <Note intent="info">{text.review.empty}</Note>
      </Panel>
    );
  }
  const headers = tableSpec("ReviewMetrics")!.columns;
  const header = (key: string) => inLanguage(headers.find((c) => c.key === key)!.header, language);
  const shown = (v: number | undefined, percent?: boolean) => formatFigure(v, language, percent) ?? "—";

  const card = (m: MetricCard, i: number) => (
    <Card
      key={`${m.metric}-${i}`}
      className={mergeClasses(styles.card, m.onTrack === true && styles.onTrack, m.onTrack === false && styles.offTrack)}
      role="group"
      aria-label={m.metric}
    >
      <Text weight="semibold">{m.metric}</Text>
      <span className={styles.figure}>{m.actual === undefined ? <Text italic>{text.review.noValue}</Text> : shown(m.actual, m.percent)}</span>
      <div className={styles.line}>
        <Text size={200}>{header("target")}</Text>
        <Text size={200}>{shown(m.target, m.percent)}</Text>
      </div>
      <div className={styles.line}>
        <Text size={200}>{header("variance")}</Text>
        <Text size={200}>{shown(m.variance, m.percent)}</Text>
      </div>
      {m.onTrack !== undefined && (
        <Badge color={m.onTrack ? "success" : "danger"} appearance="tint">
          {m.onTrack ? text.review.onTrack : text.review.offTrack}
        </Badge>
      )}
    </Card>
  );

  return (
    <Panel heading={text.review.heading} id="review-heading">
      <div className={styles.cards}>{board.data.cards.map(card)}</div>
      <div className={styles.actions}>
        <Button onClick={() => void chart.run()} disabled={chart.running}>
          {chart.running ? text.review.working : text.review.funnel}
        </Button>
        {chart.error !== undefined && <ErrorBar error={chart.error} language={language} />}
        {chart.result && <Note intent="success">{chart.result === "inserted" ? text.review.funnelInserted : text.review.funnelRefreshed}</Note>}
        <Switch
          label={text.review.portable}
          checked={board.data.portable}
          disabled={portable.running}
          onChange={(_, d) => void portable.run(d.checked)}
        />
        <Text size={200}>{text.review.portableHint}</Text>
        {portable.error !== undefined && <ErrorBar error={portable.error} language={language} />}
        {portable.result && <Note intent="success">{text.review.portableDone(portable.result.changed, portable.result.kept)}</Note>}
      </div>
    </Panel>
  );
}
