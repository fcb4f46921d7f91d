// Reads a Content-Security-Policy into directive -> sources, and states the rules every page
// the add-in serves must keep, so the build and the dev server are held to the same ones.

export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Problems with a policy; an empty list means it keeps the rules. */
export function cspProblems(policy: string): string[] {
  const csp = parseCsp(policy);
  const problems: string[] = [];
  if ((csp.get("default-src") ?? []).join(" ") !== "'self'") problems.push("default-src must be exactly 'self'");
  const scripts = csp.get("script-src");
  if (!scripts) problems.push("script-src is missing");
  const allowedScripts = ["'self'", "https://appsforoffice.microsoft.com", "https://ajax.aspnetcdn.com"];
  for (const source of scripts ?? []) {
    if (!allowedScripts.includes(source)) problems.push(`script-src allows ${source}`);
  }
  if (!(scripts ?? []).includes("https://appsforoffice.microsoft.com")) problems.push("script-src does not allow Office.js");
  if (policy.includes("'unsafe-eval'")) problems.push("'unsafe-eval' is allowed");
  if ((csp.get("object-src") ?? []).join(" ") !== "'none'") problems.push("object-src must be 'none'");
  for (const [name, sources] of csp) {
    if (sources.some((s) => s === "*" || s === "http:" || s.startsWith("http://"))) problems.push(`${name} allows ${sources.join(" ")}`);
  }
  return problems;
}

/** The policy of a page's <meta http-equiv="Content-Security-Policy">, if it has exactly one before any script. */
export function metaCsp(html: string): string | undefined {
  const metas = [...html.matchAll(/<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=("([^"]*)"|'([^']*)')/gi)];
  if (metas.length !== 1) return undefined;
  const firstScript = html.search(/<script\b/i);
  if (firstScript >= 0 && metas[0].index! > firstScript) return undefined;
  return metas[0][2] ?? metas[0][3];
}
