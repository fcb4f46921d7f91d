import type { Messages } from "../en-US";
import { check } from "./check";
import { cli } from "./cli";
import { common } from "./common";
import { excel } from "./excel";
import { functions } from "./functions";
import { plan } from "./plan";
import { taskpane } from "./taskpane";

export const zhCN: Messages = {
  check,
  cli,
  common,
  excel,
  functions,
  plan,
  taskpane,
};
