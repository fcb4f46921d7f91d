// English messages, one section per part of the product. This file is the shape every
// other language must match (see test/i18n/parity.test.ts).
import { common } from "./common";
import { functions } from "./functions";

export const enUS = {
  common,
  functions,
};

export type Messages = typeof enUS;
