import { Component, type ReactNode } from "react";
import type { Messages } from "../i18n";
import { StartupError } from "./App";

interface Props {
  readonly messages: Messages;
  readonly children: ReactNode;
}

/** Shows a render error in the pane instead of leaving it blank. */
export class ErrorBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error !== undefined) return <StartupError messages={this.props.messages} error={this.state.error} />;
    return this.props.children;
  }
}
