import type { Messages } from "../en-US";
import { common } from "./common";
import { functions } from "./functions";

export const zhCN: Messages = {
  common,
  functions,
};
