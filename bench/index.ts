// `npm run bench`: runs every bench module in one process and prints one JSON object.
// Each module measures its ratios inside the same run, so numbers compare like with like.
const modules = ["functions", "plan", "excel", "xlsx", "check", "checkRead", "mutation", "taskpane"] as const;

async function main(): Promise<void> {
  const report: Record<string, unknown> = {
    node: process.version,
    date: new Date().toISOString(),
  };
  for (const name of modules) {
    const started = Date.now();
    try {
      const bench = (await import(`./${name}`)) as { run: () => Promise<Record<string, unknown> | string> };
      report[name] = await bench.run();
    } catch (error) {
      report[name] = { error: error instanceof Error ? error.message : String(error) };
      process.exitCode = 1;
    }
    process.stderr.write(`bench ${name}: ${Date.now() - started} ms\n`);
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

void main();
