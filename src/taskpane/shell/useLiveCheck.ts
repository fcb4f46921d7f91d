// The live check, held by the shell so the Check tab's badge is right whichever panel is open:
// one check when the pane opens, then one after every burst of edits (the adapter's watch).
import { useCallback, useEffect, useRef, useState } from "react";
import type { CheckAdapters, CheckResult } from "../adapters";
import type { Loaded } from "./work";

export function useLiveCheck(adapters: Pick<CheckAdapters, "check" | "watch"> | undefined): [Loaded<CheckResult>, () => void] {
  const [state, setState] = useState<Loaded<CheckResult>>({ status: "loading" });
  const generation = useRef(0);
  const recheck = useCallback(() => {
    if (!adapters) return;
    const mine = ++generation.current;
    setState({ status: "loading" });
    adapters.check().then(
      (data) => mine === generation.current && setState({ status: "ready", data }),
      (error: unknown) => mine === generation.current && setState({ status: "error", error }),
    );
  }, [adapters]);
  useEffect(() => {
    if (!adapters) return;
    recheck();
    let stop: (() => Promise<void>) | undefined;
    let gone = false;
    adapters
      .watch(
        (data) => {
          generation.current += 1;
          if (!gone) setState({ status: "ready", data });
        },
        (error) => {
          if (!gone) setState({ status: "error", error });
        },
      )
      .then(
        (s) => {
          if (gone) void s();
          else stop = s;
        },
        // Without events (older Excel) the pane still checks on request.
        () => undefined,
      );
    return () => {
      gone = true;
      generation.current += 1;
      void stop?.();
    };
  }, [adapters, recheck]);
  return [state, recheck];
}
