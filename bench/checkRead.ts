// The check's Office.js reader, measured in the recording fake: how many chunks and
// context.sync() calls (Excel round trips) it takes to read a 100,000-row Tasks table, and how
// close each sync's response comes to Excel on the web's 5 MB limit.
import { readSnapshot } from "../src/excel/readSnapshot";
import { WEB_PAYLOAD_LIMIT_BYTES } from "../src/excel/payload";
import { bigTasks } from "../test/support/bigTasks";

export async function run(): Promise<Record<string, unknown>> {
  const rows = 100_000;
  const { fake } = bigTasks(rows);
  const started = Date.now();
  const result = await fake.run({}, (context) => readSnapshot(context as unknown as Excel.RequestContext));
  const ms = Date.now() - started;
  const responses = fake.syncRecords.map((s) => s.responseBytes);
  return {
    tasks: rows,
    syncs: result.syncs,
    chunks: result.chunks.length,
    refusedSyncs: result.refused,
    largestResponseBytes: Math.max(...responses),
    limitBytes: WEB_PAYLOAD_LIMIT_BYTES,
    // The fewest data syncs any reader could take: every byte read, 5 MB a sync.
    fewestDataSyncsPossible: Math.ceil(responses.reduce((a, b) => a + b, 0) / WEB_PAYLOAD_LIMIT_BYTES),
    ms,
  };
}
