import type { Messages } from "../en-US";
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

export const zhCN: Messages = {
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
