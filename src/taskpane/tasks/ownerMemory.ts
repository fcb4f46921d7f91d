// Where the pane keeps which roster owner the user is: the browser's localStorage under the key
// Microsoft's guidance gives (Office.context.partitionKey first; see rememberedOwnerKey), so it is
// this person's on this computer and never reaches the shared workbook.
import type { OwnerMemory } from "../adapters";
import { parseRememberedOwner, storedOwner } from "./myTasks";

type KeyValueStorage = Pick<Storage, "getItem" | "setItem">;

/**
 * `storage` is asked for on each use: a browser that blocks storage throws on window.localStorage
 * itself (docs: test for availability), which then reads as "nothing remembered" and a failed save.
 */
export function storageOwnerMemory(storage: () => KeyValueStorage, key: () => string): OwnerMemory {
  return {
    recall: async () => {
      try {
        return parseRememberedOwner(storage().getItem(key()));
      } catch {
        return undefined;
      }
    },
    remember: async (owner) => {
      storage().setItem(key(), storedOwner(owner));
    },
  };
}
