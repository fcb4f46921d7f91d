import type { Messages } from "../en-US";
import { common } from "./common";
import { functions } from "./functions";
import { taskpane } from "./taskpane";

export const zhCN: Messages = {
  common,
  functions,
  taskpane,
};
