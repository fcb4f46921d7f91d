import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/**
 * Fluent's dark theme when Office paints the pane dark. Office reports its theme as colours
 * ("#1F1F1F"), not as a name, and some hosts report nothing: those get the light theme.
 */
export function themeFor(bodyBackgroundColor: string | undefined, highContrast = false): Theme {
  // Office follows the system's high contrast; Fluent's high-contrast theme uses its system colours.
  if (highContrast) return teamsHighContrastTheme;
  const rgb = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(bodyBackgroundColor?.trim() ?? "");
  if (!rgb) return webLightTheme;
  const [r, g, b] = rgb.slice(1).map((hex) => parseInt(hex, 16) / 255);
  // Perceived brightness (ITU-R BT.601 weights) is enough to tell dark from light.
  return 0.299 * r + 0.587 * g + 0.114 * b < 0.5 ? webDarkTheme : webLightTheme;
}
