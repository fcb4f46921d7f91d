// Conversion through the sales path: each row holds the furthest stage it reached, and a
// row reached every stage up to its own (SPEC section 4).
import {
  label,
  matchTerm,
  normalizeWord,
  STAGE,
  STAGES_BY_PATH,
  type Language,
  type PathKey,
  type Stage,
} from "../spec/vocabulary";
import { metricError, type MetricError } from "./errors";
import { isBlank, type WordGrid } from "./grid";
import { choicesOf } from "./words";

/** The stages in order, and how a cell's text finds its place among them. */
interface Order {
  readonly labels: (language: Language) => readonly string[];
  /** Index in the order; SKIP for a known stage of another path; undefined for an unknown word. */
  readonly indexOf: (text: string) => number | undefined;
  readonly choices: string;
}

const SKIP = -1;

function builtInOrder(path: PathKey): Order {
  const stages = STAGES_BY_PATH[path];
  return {
    labels: (language) => stages.map((s) => label(s, language)),
    indexOf: (text) => {
      const key = matchTerm(STAGE, text);
      if (key === undefined) return undefined;
      const index = stages.findIndex((s) => s.key === key);
      return index >= 0 ? index : SKIP;
    },
    choices: choicesOf({ id: path, terms: stages }),
  };
}

/** A team's own stage list; a built-in stage word in the other language still finds its place. */
function customOrder(words: readonly string[]): Order {
  const byWord = new Map<string, number>();
  const byKey = new Map<string, number>();
  words.forEach((word, index) => {
    byWord.set(normalizeWord(word), index);
    const key = matchTerm(STAGE, word);
    if (key !== undefined && !byKey.has(key)) byKey.set(key, index);
  });
  return {
    labels: () => words,
    indexOf: (text) => {
      const index = byWord.get(normalizeWord(text));
      if (index !== undefined) return index;
      const key = matchTerm(STAGE, text);
      return key === undefined ? undefined : byKey.get(key);
    },
    choices: words.join(", "),
  };
}

function stageOf(text: string): Stage | undefined {
  const key = matchTerm(STAGE, text);
  return key === undefined ? undefined : STAGES_BY_PATH.new.find((s) => s.key === key) ?? STAGES_BY_PATH.existing.find((s) => s.key === key);
}

/** How many rows stopped at each stage of the order: one pass, one cached lookup per distinct text. */
function countFurthest(stages: WordGrid, order: Order, argument: string): number[] | MetricError {
  const counts = new Array<number>(order.labels("en-US").length).fill(0);
  const seen = new Map<string, number | undefined>();
  for (let r = 0; r < stages.length; r++) {
    const row = stages[r];
    for (let c = 0; c < row.length; c++) {
      const text = row[c];
      if (isBlank(text)) continue;
      let index = seen.get(text);
      if (index === undefined && !seen.has(text)) {
        index = order.indexOf(text);
        seen.set(text, index);
      }
      if (index === undefined) {
        return metricError("#N/A", "unknownWord", [argument, text, order.choices], { row: r + 1, column: c + 1 });
      }
      if (index !== SKIP) counts[index]++;
    }
  }
  return counts;
}

/** reached[i]: rows whose furthest stage is i or later. */
function reachedCounts(furthest: readonly number[]): number[] {
  const reached = new Array<number>(furthest.length).fill(0);
  let total = 0;
  for (let i = furthest.length - 1; i >= 0; i--) {
    total += furthest[i];
    reached[i] = total;
  }
  return reached;
}

/** Of the rows that reached fromStage, the share that reached toStage. */
export function conversion(
  stages: WordGrid,
  fromStage: string,
  toStage: string,
  stageOrder?: readonly string[],
): number | MetricError {
  let order: Order;
  if (stageOrder && stageOrder.length > 0) {
    order = customOrder(stageOrder);
  } else {
    const from = stageOf(fromStage);
    if (!from) return metricError("#N/A", "unknownWord", ["fromStage", fromStage, choicesOf(STAGE)]);
    const to = stageOf(toStage);
    if (!to) return metricError("#N/A", "unknownWord", ["toStage", toStage, choicesOf(STAGE)]);
    if (from.path !== to.path) return metricError("#VALUE!", "stagesOnDifferentPaths", [fromStage, toStage]);
    order = builtInOrder(from.path);
  }
  const fromIndex = order.indexOf(fromStage);
  if (fromIndex === undefined || fromIndex === SKIP) return metricError("#N/A", "unknownWord", ["fromStage", fromStage, order.choices]);
  const toIndex = order.indexOf(toStage);
  if (toIndex === undefined || toIndex === SKIP) return metricError("#N/A", "unknownWord", ["toStage", toStage, order.choices]);
  if (toIndex < fromIndex) return metricError("#NUM!", "stageOrderReversed", [fromStage, toStage]);
  const furthest = countFurthest(stages, order, "stages");
  if (!Array.isArray(furthest)) return furthest;
  const reached = reachedCounts(furthest);
  if (reached[fromIndex] === 0) return metricError("#DIV/0!", "zeroDenominator", ["fromStage"]);
  return reached[toIndex] / reached[fromIndex];
}

export interface FunnelRow {
  readonly stage: string;
  readonly reached: number;
  /** Share of the previous stage's rows that reached this one; undefined on the first stage. */
  readonly conversion: number | MetricError | undefined;
}

/** Which built-in path the rows follow (the one most rows are on), and the language they are written in. */
function builtInPathOf(stages: WordGrid): { path: PathKey; language: Language } {
  const perPath: Record<PathKey, number> = { new: 0, existing: 0 };
  let language: Language | undefined;
  const seen = new Map<string, Stage | undefined>();
  for (const row of stages) {
    for (const text of row) {
      if (isBlank(text)) continue;
      let stage = seen.get(text);
      if (stage === undefined && !seen.has(text)) {
        stage = stageOf(text);
        seen.set(text, stage);
      }
      if (!stage) continue;
      perPath[stage.path]++;
      language ??= normalizeWord(text) === normalizeWord(stage.zh) ? "zh-CN" : "en-US";
    }
  }
  return { path: perPath.existing > perPath.new ? "existing" : "new", language: language ?? "en-US" };
}

/** One row per stage: its name, how many rows reached it, and the conversion from the stage before. */
export function funnel(stages: WordGrid, stageOrder?: readonly string[]): FunnelRow[] | MetricError {
  let order: Order;
  let language: Language = "en-US";
  if (stageOrder && stageOrder.length > 0) {
    order = customOrder(stageOrder);
  } else {
    const found = builtInPathOf(stages);
    order = builtInOrder(found.path);
    language = found.language;
  }
  const furthest = countFurthest(stages, order, "stages");
  if (!Array.isArray(furthest)) return furthest;
  const reached = reachedCounts(furthest);
  const labels = order.labels(language);
  return labels.map((stage, i) => ({
    stage,
    reached: reached[i],
    conversion:
      i === 0
        ? undefined
        : reached[i - 1] === 0
          ? metricError("#DIV/0!", "zeroDenominator", [labels[i - 1]])
          : reached[i] / reached[i - 1],
  }));
}
