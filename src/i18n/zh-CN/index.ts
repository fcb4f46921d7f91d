import type { Messages } from "../en-US";
import { common } from "./common";

export const zhCN: Messages = {
  common,
};
