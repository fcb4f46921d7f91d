// English messages, one section per part of the product. This file is the shape every
// other language must match (see test/i18n/parity.test.ts).
import { common } from "./common";

export const enUS = {
  common,
};

export type Messages = typeof enUS;
