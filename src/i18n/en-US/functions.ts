// Messages of the SALES.* custom functions, shown in Excel's error indicator.
import type { MetricMessageArgs } from "../../domain/metrics/errors";

export type FunctionMessages = {
  readonly [K in keyof MetricMessageArgs]: (...args: MetricMessageArgs[K]) => string;
} & {
  readonly inCell: (message: string, row: number, column: number) => string;
};

export const functions: FunctionMessages = {
  missing: (argument) => `${argument} is required.`,
  notANumber: (argument, found) => `${argument} needs a number, but holds the text "${found}".`,
  notAWord: (argument, found) => `${argument} needs words (a stage or status), but holds ${found}.`,
  notOneValue: (argument) => `${argument} takes one value, not a range.`,
  notAPercent: (argument, value) => `${argument} is a percentage between 0% and 100%; ${value} is out of range. Type 45% or 0.45, not 45.`,
  notFinite: (argument) => `${argument} is not a finite number.`,
  belowMinimum: (argument, minimum) => `${argument} must be ${minimum} or more.`,
  notAboveMinimum: (argument, minimum) => `${argument} must be more than ${minimum}.`,
  errorValue: (argument, code) => `${argument} holds the error ${code}.`,
  zeroDenominator: (argument) => `${argument} is zero (or adds up to zero), so there is nothing to divide by.`,
  nothingDecided: (argument) => `No deal in ${argument} is won or lost yet, so there is no win rate.`,
  noneReached: (stage) => `No row reached "${stage}", so there is nothing to convert from.`,
  neverRecovered: () => "Never recovered: arpu × grossMargin is not positive, so the CAC is never paid back.",
  tooLarge: () => "The result is too large for Excel.",
  unknownWord: (argument, found, choices) => `${argument}: "${found}" is not one of ${choices}.`,
  unknownLanguage: (argument, found) => `${argument}: "${found}" is not a language; use en-US or zh-CN.`,
  stagesOnDifferentPaths: (fromStage, toStage) => `"${fromStage}" and "${toStage}" are on different sales paths; pick two stages of one path.`,
  stageOrderReversed: (fromStage, toStage) => `"${toStage}" comes before "${fromStage}"; swap fromStage and toStage.`,
  sizeMismatch: (argument, other) => `${argument} must be a range of the same size as ${other}.`,
  thresholdsOutOfOrder: (mediumValue, highValue) => `mediumValue (${mediumValue}) must not be above highValue (${highValue}).`,
  inCell: (message, row, column) => `${message} (row ${row}, column ${column} of the range)`,
};
