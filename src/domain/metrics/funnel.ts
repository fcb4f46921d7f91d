// Conversion through the sales path: each row holds the furthest stage it reached, and a
// row reached every stage up to its own (SPEC section 4).
import { label, matchTerm, normalizeWord, STAGE, type Language, type PathKey, type Stage } from "../spec/vocabulary";
import { metricError, type MetricError } from "./errors";
import { isBlank, type WordGrid } from "./grid";
import { choicesOf, WordCache } from "./words";

/** Built-in stages of both paths, each path's stages next to each other and in order. */
const BUILT_IN = STAGE.terms as readonly Stage[];

function builtInIndex(text: unknown): number | undefined {
  const key = matchTerm(STAGE, text);
  return key === undefined ? undefined : BUILT_IN.findIndex((s) => s.key === key);
}

/** The stages in order and where each row's text falls among them. */
interface Order {
  readonly labels: readonly string[];
  /** Position of a text in the order: undefined when it is not a stage of the order. */
  readonly indexOf: (text: unknown) => number | undefined;
  readonly choices: string;
}

/** A team's own stage list; a built-in stage word in the other language still finds its place. */
function customOrder(words: readonly string[]): Order {
  const byWord = new Map<string, number>();
  const byKey = new Map<string, number>();
  words.forEach((word, index) => {
    if (!byWord.has(normalizeWord(word))) byWord.set(normalizeWord(word), index);
    const key = matchTerm(STAGE, word);
    if (key !== undefined && !byKey.has(key)) byKey.set(key, index);
  });
  return {
    labels: words,
    indexOf: (text) => {
      if (typeof text !== "string") return undefined;
      const index = byWord.get(normalizeWord(text));
      if (index !== undefined) return index;
      const key = matchTerm(STAGE, text);
      return key === undefined ? undefined : byKey.get(key);
    },
    choices: words.join(", "),
  };
}

const BUILT_IN_ORDER: Order = {
  labels: BUILT_IN.map((s) => s.en),
  indexOf: builtInIndex,
  choices: choicesOf(STAGE),
};

/** furthest[i]: rows whose furthest stage is the order's stage i. One pass; each distinct text looked up once. */
function tally(stages: WordGrid, order: Order): number[] | MetricError {
  const furthest = Array.from({ length: order.labels.length }, () => 0);
  const positions = new WordCache(order.indexOf);
  for (let r = 0; r < stages.length; r++) {
    const row = stages[r];
    for (let c = 0; c < row.length; c++) {
      const text = row[c];
      if (isBlank(text)) continue;
      const index = positions.get(text);
      if (index === undefined) {
        return metricError("#N/A", "unknownWord", ["stages", String(text), order.choices], { row: r + 1, column: c + 1 });
      }
      furthest[index]++;
    }
  }
  return furthest;
}

/** The language of the first built-in stage word in the rows, so a funnel answers in their words. */
function languageOfRows(stages: WordGrid): Language {
  for (const row of stages) {
    for (const text of row) {
      const index = builtInIndex(text);
      if (index !== undefined) return normalizeWord(text as string) === normalizeWord(BUILT_IN[index].zh) ? "zh-CN" : "en-US";
    }
  }
  return "en-US";
}

/** reached[i]: rows whose furthest stage is i or later. */
function reachedCounts(furthest: readonly number[]): number[] {
  const reached = Array.from({ length: furthest.length }, () => 0);
  let total = 0;
  for (let i = furthest.length - 1; i >= 0; i--) {
    total += furthest[i];
    reached[i] = total;
  }
  return reached;
}

/** Where a path's stages sit in BUILT_IN. */
function pathSlice(path: PathKey): [start: number, end: number] {
  const start = BUILT_IN.findIndex((s) => s.path === path);
  return [start, start + BUILT_IN.filter((s) => s.path === path).length];
}

/** Of the rows that reached fromStage, the share that reached toStage. */
export function conversion(stages: WordGrid, fromStage: string, toStage: string, stageOrder?: readonly string[]): number | MetricError {
  const custom = stageOrder && stageOrder.length > 0;
  const order = custom ? customOrder(stageOrder) : BUILT_IN_ORDER;
  const from = order.indexOf(fromStage);
  if (from === undefined) return metricError("#N/A", "unknownWord", ["fromStage", fromStage, order.choices]);
  const to = order.indexOf(toStage);
  if (to === undefined) return metricError("#N/A", "unknownWord", ["toStage", toStage, order.choices]);
  let start = 0;
  let end = order.labels.length;
  if (!custom) {
    if (BUILT_IN[from].path !== BUILT_IN[to].path) return metricError("#VALUE!", "stagesOnDifferentPaths", [fromStage, toStage]);
    // rows on the other path neither reached fromStage nor left it
    [start, end] = pathSlice(BUILT_IN[from].path);
  }
  if (to < from) return metricError("#NUM!", "stageOrderReversed", [fromStage, toStage]);
  const furthest = tally(stages, order);
  if (!Array.isArray(furthest)) return furthest;
  const reached = reachedCounts(furthest.slice(start, end));
  if (reached[from - start] === 0) return metricError("#DIV/0!", "noneReached", [fromStage]);
  return reached[to - start] / reached[from - start];
}

export interface FunnelRow {
  readonly stage: string;
  readonly reached: number;
  /** Share of the previous stage's rows that reached this one; undefined on the first stage. */
  readonly conversion: number | MetricError | undefined;
}

/**
 * One row per stage: its name, how many rows reached it, and the conversion from the stage
 * before. Without a stage order, the built-in path most rows are on, in the rows' language.
 */
export function funnel(stages: WordGrid, stageOrder?: readonly string[]): FunnelRow[] | MetricError {
  const custom = stageOrder && stageOrder.length > 0;
  const order = custom ? customOrder(stageOrder) : BUILT_IN_ORDER;
  const counted = tally(stages, order);
  if (!Array.isArray(counted)) return counted;
  let labels = order.labels;
  let furthest = counted;
  if (!custom) {
    const onPath = (path: PathKey) => furthest.slice(...pathSlice(path)).reduce((a, b) => a + b, 0);
    const path: PathKey = onPath("existing") > onPath("new") ? "existing" : "new";
    const [start, end] = pathSlice(path);
    const language = languageOfRows(stages);
    labels = BUILT_IN.slice(start, end).map((s) => label(s, language));
    furthest = furthest.slice(start, end);
  }
  const reached = reachedCounts(furthest);
  return labels.map((stage, i) => ({
    stage,
    reached: reached[i],
    conversion: i === 0 ? undefined : reached[i - 1] === 0 ? metricError("#DIV/0!", "noneReached", [labels[i - 1]]) : reached[i] / reached[i - 1],
  }));
}
