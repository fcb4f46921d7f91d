// Rendering panels as a user meets them (jsdom, Testing Library), with adapters the test controls.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render } from "@testing-library/react";
import type { ReactElement } from "react";

// jsdom has no layout: Fluent's components watch their size with ResizeObserver, which it lacks.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoResizeObserver as unknown as typeof ResizeObserver;

// On a busy machine a lazily loaded panel can take longer than Testing Library's 1 s default to
// appear; waiting longer changes no outcome, only how long a failure takes to report.
configure({ asyncUtilTimeout: 10_000 });

export function renderPanel(element: ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);
}

/** A promise the test settles when it wants, to hold a panel in its loading or running state. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
