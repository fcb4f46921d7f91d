// English messages, one section per part of the product. This file is the shape every
// other language must match (see test/i18n/parity.test.ts).
import { check } from "./check";
import { checkCommand } from "./checkCommand";
import { cli } from "./cli";
import { common } from "./common";
import { excel } from "./excel";
import { functions } from "./functions";
import { myTasks } from "./myTasks";
import { nudges } from "./nudges";
import { plan } from "./plan";
import { taskpane } from "./taskpane";

export const enUS = {
  check,
  checkCommand,
  cli,
  common,
  excel,
  functions,
  myTasks,
  nudges,
  plan,
  taskpane,
};

export type Messages = typeof enUS;
