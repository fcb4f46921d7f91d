// The two shapes of Excel work a panel does: reading something to show (loading, shown, failed,
// with "try again"), and a long action that shows progress and cannot be started twice.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Language } from "../../domain/spec/vocabulary";

export type Loaded<T> =
  { readonly status: "loading" } | { readonly status: "ready"; readonly data: T } | { readonly status: "error"; readonly error: unknown };

/**
 * Runs `load` on mount and on reload(); an answer that arrives after a newer load started is
 * dropped. reload(true) keeps showing what was read until the new answer comes (after a write).
 */
export function useLoad<T>(load: () => Promise<T>): [Loaded<T>, (keep?: boolean) => void] {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback((keep = false) => {
    const mine = ++generation.current;
    if (!keep) setState({ status: "loading" });
    loadRef.current().then(
      (data) => mine === generation.current && setState({ status: "ready", data }),
      (error: unknown) => mine === generation.current && setState({ status: "error", error }),
    );
  }, []);
  useEffect(() => {
    reload();
    return () => {
      generation.current += 1;
    };
  }, [reload]);
  return [state, reload];
}

export interface Action<A extends unknown[], R> {
  readonly running: boolean;
  readonly result?: R;
  readonly error?: unknown;
  /** Starts the work unless it is running already (a second click is ignored, not queued). */
  readonly run: (...args: A) => Promise<void>;
  readonly clear: () => void;
}

export function useAction<A extends unknown[], R>(work: (...args: A) => Promise<R>): Action<A, R> {
  const [state, setState] = useState<{ running: boolean; result?: R; error?: unknown }>({ running: false });
  const busy = useRef(false);
  const run = useCallback(
    async (...args: A) => {
      if (busy.current) return;
      busy.current = true;
      setState({ running: true });
      try {
        const result = await work(...args);
        setState({ running: false, result });
      } catch (error) {
        setState({ running: false, error });
      } finally {
        busy.current = false;
      }
    },
    [work],
  );
  const clear = useCallback(() => setState({ running: false }), []);
  return { ...state, run, clear };
}

/** An error in the user's words: ours know how to say themselves in either language. */
export function errorText(error: unknown, language: Language): string {
  const described = error as { describe?: (language: Language) => string } | undefined;
  if (described && typeof described.describe === "function") return described.describe(language);
  if (error instanceof Error) return error.message;
  return String(error);
}
