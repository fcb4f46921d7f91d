// The bench's mutation score is Stryker's: (killed + timeout) / (killed + timeout + survived + noCoverage).
import { mutationScores, newestPerFile } from "../../bench/mutation";

const mutants = (counts: Record<string, number>) => Object.entries(counts).flatMap(([status, n]) => Array.from({ length: n }, () => ({ status })));

describe("mutation score per folder", () => {
  it("counts timeouts as caught, leaves compile errors and ignored mutants out, and rolls files up into each parent folder", () => {
    const scores = mutationScores({
      files: {
        "src/domain/metrics/funnel.ts": { mutants: mutants({ Killed: 6, Timeout: 1, Survived: 2, NoCoverage: 1, CompileError: 5, Ignored: 3 }) },
        "src/domain/plan/plan.ts": { mutants: mutants({ Killed: 10 }) },
        "src/functions/parameters.ts": { mutants: mutants({ Killed: 2, Survived: 1 }) },
      },
    });
    // metrics: 7 caught of 10; domain: 17 of 20; functions: 2 of 3
    expect(scores["src/domain/metrics"]).toEqual({ killed: 6, timeout: 1, survived: 2, noCoverage: 1, score: 70 });
    expect(scores["src/domain"].score).toBe(85);
    expect(scores["src/domain/plan"].score).toBe(100);
    expect(scores["src/functions"].score).toBe(66.7);
    expect(Object.keys(scores)).toEqual(["src/domain", "src/domain/metrics", "src/domain/plan", "src/functions"]);
  });

  it("has no score for a folder whose mutants all failed to compile", () => {
    expect(mutationScores({ files: { "src/excel/host.ts": { mutants: mutants({ CompileError: 2 }) } } })["src/excel"].score).toBeNull();
  });
});

describe("mutation reports of several runs", () => {
  it("takes each file's mutants from the newest report that holds it, and keeps files only an older one holds", () => {
    const older = {
      files: { "src/functions/parameters.ts": { mutants: mutants({ Survived: 4 }) }, "src/excel/host.ts": { mutants: mutants({ Killed: 1 }) } },
    };
    const newer = { files: { "src/functions/parameters.ts": { mutants: mutants({ Killed: 4 }) } } };
    // given newest first, to show the order is the reports' dates, not the list's
    const merged = newestPerFile([
      { date: new Date("2026-12-01T05:00:00Z"), report: newer },
      { date: new Date("2026-12-01T04:00:00Z"), report: older },
    ]);
    expect(mutationScores(merged)["src/functions"]).toEqual({ killed: 4, timeout: 0, survived: 0, noCoverage: 0, score: 100 });
    expect(mutationScores(merged)["src/excel"].killed).toBe(1);
  });
});
