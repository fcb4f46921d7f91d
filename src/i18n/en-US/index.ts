// English messages, one section per part of the product. This file is the shape every
// other language must match (see test/i18n/parity.test.ts).
import { common } from "./common";
import { excel } from "./excel";
import { functions } from "./functions";
import { taskpane } from "./taskpane";

export const enUS = {
  common,
  excel,
  functions,
  taskpane,
};

export type Messages = typeof enUS;
