import { readFileSync } from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as sales from "../../src/functions/functions";
import { SIGNATURES } from "../../src/functions/signatures";

const root = path.resolve(__dirname, "../..");
const IDS = [
  "LTV",
  "CAC",
  "LTVCAC",
  "PAYBACK",
  "CONVERSION",
  "FUNNEL",
  "WINRATE",
  "WEIGHTED",
  "VELOCITY",
  "ATTAINMENT",
  "COVERAGE",
  "GROWTH",
  "TIER",
  "OVERDUE",
  "SMART",
];
const RANGE_KINDS = new Set(["sum", "numbers", "percents", "words", "wordList"]);

interface ParameterMetadata {
  name: string;
  description?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: ParameterMetadata[];
}

describe("custom functions metadata (custom-functions-metadata API on src/functions/functions.ts)", () => {
  let functions: FunctionMetadata[];
  let errors: string[];
  let associations: { id: string; functionName: string }[];

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(path.join(root, "src/functions/functions.ts"));
    errors = result.errors;
    associations = result.associate;
    functions = result.errors.length === 0 ? (JSON.parse(result.metadataJson).functions as FunctionMetadata[]) : [];
  });

  it("has no errors", () => {
    expect(errors).toEqual([]);
  });

  it("declares exactly the 15 SALES functions, each id its upper-case name", () => {
    expect(functions.map((f) => f.id).sort()).toEqual([...IDS].sort());
    for (const f of functions) expect(f.name).toBe(f.id);
  });

  it("gives the build plugin an association for every id, to an exported function of that name", () => {
    // custom-functions-metadata-plugin appends CustomFunctions.associate(id, functionName) for each
    expect(associations.map((a) => [a.id, a.functionName]).sort()).toEqual(IDS.map((id) => [id, id]).sort());
    for (const id of IDS) expect(typeof (sales as Record<string, unknown>)[id]).toBe("function");
  });

  it("describes every function and links it to its help section", () => {
    for (const f of functions) {
      expect({ id: f.id, described: (f.description ?? "").trim().length > 10 }).toEqual({ id: f.id, described: true });
      expect({ id: f.id, helpUrl: f.helpUrl }).toEqual({ id: f.id, helpUrl: `https://localhost:3000/help.html#${f.id.toLowerCase()}` });
    }
  });

  it("describes every parameter", () => {
    for (const f of functions) {
      for (const p of f.parameters) {
        expect({ where: `${f.id}.${p.name}`, described: (p.description ?? "").trim().length > 5 }).toEqual({
          where: `${f.id}.${p.name}`,
          described: true,
        });
      }
    }
  });

  it("lists the parameters of the declared table, ranges as matrices, optional as declared", () => {
    for (const f of functions) {
      const declared = SIGNATURES[f.id as keyof typeof SIGNATURES];
      expect({ id: f.id, names: f.parameters.map((p) => p.name) }).toEqual({ id: f.id, names: declared.map((p) => p.name) });
      f.parameters.forEach((p, i) => {
        const kind = declared[i].kind;
        expect({ where: `${f.id}.${p.name}`, matrix: p.dimensionality === "matrix" }).toEqual({
          where: `${f.id}.${p.name}`,
          matrix: RANGE_KINDS.has(kind),
        });
        expect({ where: `${f.id}.${p.name}`, optional: p.optional === true }).toEqual({
          where: `${f.id}.${p.name}`,
          optional: declared[i].optional,
        });
        // an argument that may be left out must have a meaning when it is
        if (declared[i].optional)
          expect({ where: `${f.id}.${p.name}`, blank: declared[i].blank }).not.toEqual({ where: `${f.id}.${p.name}`, blank: "required" });
      });
    }
  });

  it("points every help link at a section that exists in src/help/help.html", () => {
    const html = readFileSync(path.join(root, "src/help/help.html"), "utf8");
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    for (const f of functions) {
      const anchor = new URL(f.helpUrl ?? "https://x/#").hash.slice(1);
      expect({ id: f.id, anchorFound: ids.has(anchor) }).toEqual({ id: f.id, anchorFound: true });
    }
  });

  it("refuses, at build time, a parameter with a type: allowErrorForDataTypeAny would not reach it", () => {
    const { handWrittenMetadata } = require("../../webpack.config.js") as { handWrittenMetadata(json: string): string };
    const typed = JSON.stringify({ functions: [{ id: "LTV", name: "LTV", parameters: [{ name: "arpu", type: "number" }], result: {} }] });
    expect(() => handWrittenMetadata(typed)).toThrow(/LTV\.arpu \(number\)/);
  });
});
