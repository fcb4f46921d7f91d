// manifest.xml checked offline: Office's validation service needs the network, so these tests
// hold the rules that make Excel refuse or misload an add-in (schema order, resource ids,
// shared runtime wiring, icon sizes) to the file itself.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readPngSize } from "../support/pngSize";
import { descendants, only, readXml, type XmlElement } from "./readXml";

const root = path.resolve(__dirname, "../..");
const manifestText = readFileSync(path.join(root, "manifest.xml"), "utf8");
const DEV_URL = "https://localhost:3000/";

let app: XmlElement;
let resources: XmlElement;
let workbook: XmlElement;

beforeAll(async () => {
  app = await readXml(manifestText);
  const overrides = only(app, "VersionOverrides");
  resources = only(overrides, "Resources");
  workbook = only(only(overrides, "Hosts"), "Host");
});

/** resid -> its definition, per Resources section (bt:Images, bt:Urls, ...). */
function definitions(section: string): Map<string, XmlElement> {
  return new Map(only(resources, section).children.map((d) => [d.attributes.id, d]));
}

function zhOverride(element: XmlElement): string | undefined {
  return element.children.find((c) => /(^|:)Override$/.test(c.name) && c.attributes.Locale === "zh-CN")?.attributes.Value;
}

const CJK = /[\u4e00-\u9fff]/;

const typings = readFileSync(path.join(root, "node_modules/@types/custom-functions-runtime/index.d.ts"), "utf8");

function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  return x[0] - y[0] || x[1] - y[1];
}

/**
 * The CustomFunctionsRuntime set a namespace member needs, from its "[Api set: ...]" remarks
 * in @types/custom-functions-runtime: the highest of its own and its members' (using ErrorCode
 * means passing its values, which carry 1.3 though the enum itself names no set).
 */
function requirementOf(member: string): string {
  const start = new RegExp(`\\n    (?:class|enum|interface|function) ${member}\\b`).exec(typings);
  if (!start) throw new Error(`CustomFunctions.${member} is not in the typings`);
  const before = typings.slice(0, start.index);
  const ownComment = before.slice(before.lastIndexOf("/**"));
  const bodyEnd = typings.indexOf("\n    }", start.index);
  const text =
    (ownComment.includes("*/") && !ownComment.slice(ownComment.indexOf("*/") + 2).trim() ? ownComment : "") + typings.slice(start.index, bodyEnd);
  const versions = [...text.matchAll(/\[Api set: CustomFunctionsRuntime (\d+\.\d+)\]/g)].map((m) => m[1]);
  return versions.reduce((max, v) => (compareVersions(v, max) > 0 ? v : max), "1.1");
}

/** Every CustomFunctions.X the functions bundle's sources name. */
function customFunctionsMembersUsed(): string[] {
  const folder = path.join(root, "src/functions");
  const names = new Set<string>();
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".ts"))) {
    for (const m of readFileSync(path.join(folder, file), "utf8").matchAll(/\bCustomFunctions\.([A-Za-z]+)/g)) names.add(m[1]);
  }
  return [...names].sort();
}

describe("manifest.xml", () => {
  it("is well-formed XML: the strict parser rejects a broken copy", async () => {
    await expect(readXml(manifestText.replace("</Permissions>", "</Permission>"))).rejects.toThrow();
    expect(app.name).toBe("OfficeApp");
  });

  it("is a task pane add-in (schema 1.1) for Excel", () => {
    expect(app.attributes.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(app.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(only(app, "Hosts").children.map((h) => h.attributes.Name)).toEqual(["Workbook"]);
    expect(workbook.attributes["xsi:type"]).toBe("Workbook");
  });

  it("has a GUID as its Id", () => {
    expect(only(app, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  it("keeps OfficeApp's children in the schema's sequence", () => {
    // The order of the OfficeApp xs:sequence in the TaskPaneApp 1.1 schema.
    const schemaOrder = [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "AllowSnapshot",
      "VersionOverrides",
    ];
    const names = app.children.map((c) => c.name);
    expect(names.every((n) => schemaOrder.includes(n))).toBe(true);
    expect(names).toEqual(schemaOrder.filter((n) => names.includes(n)));
  });

  it("puts Runtimes before AllFormFactors before DesktopFormFactor in the Workbook host", () => {
    expect(workbook.children.map((c) => c.name)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    const desktop = only(workbook, "DesktopFormFactor");
    // GetStarted, then FunctionFile, then the extension points (DesktopFormFactor's sequence).
    expect(desktop.children.map((c) => c.name)).toEqual(["GetStarted", "FunctionFile", "ExtensionPoint"]);
  });

  it("asks only for ReadWriteDocument", () => {
    expect(only(app, "Permissions").text).toBe("ReadWriteDocument");
  });

  it("requires the shared runtime and the custom functions runtime", () => {
    const sets = only(only(app, "Requirements"), "Sets").children.map((s) => s.attributes.Name);
    expect(sets).toEqual(expect.arrayContaining(["SharedRuntime", "CustomFunctionsRuntime"]));
  });

  it("declares the CustomFunctionsRuntime version of every CustomFunctions member src/functions uses, as the typings give it", () => {
    const used = customFunctionsMembersUsed();
    expect(used).toEqual(expect.arrayContaining(["Error", "ErrorCode"]));
    const needed = used.map((name) => ({ name, version: requirementOf(name) }));
    const highest = needed.reduce((max, n) => (compareVersions(n.version, max) > 0 ? n.version : max), "1.1");
    expect(highest).toBe("1.3"); // ErrorCode's values: the codes our errors carry
    const declared = only(only(app, "Requirements"), "Sets").children.find((s) => s.attributes.Name === "CustomFunctionsRuntime");
    expect(declared?.attributes.MinVersion).toBe(highest);
  });

  it("opens no second task pane in the shared runtime: no Action under the long-lived runtime's host has a TaskpaneId", () => {
    // docs/develop/configure-your-add-in-to-use-a-shared-runtime.md, "avoid multiple task panes"
    const hosts = descendants(only(app, "VersionOverrides")).filter(
      (e) => e.name === "Host" && descendants(e).some((r) => r.name === "Runtime" && r.attributes.lifetime === "long"),
    );
    expect(hosts).toHaveLength(1);
    const actions = descendants(hosts[0]).filter((e) => e.name === "Action");
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((a) => a.children.some((c) => c.name.toLowerCase() === "taskpaneid")).map((a) => a.attributes["xsi:type"])).toEqual([]);
  });

  it("runs functions, task pane and ribbon button in one long-lived runtime: the task pane page", () => {
    const runtimes = only(workbook, "Runtimes").children;
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attributes.lifetime).toBe("long");
    const pageResid = runtimes[0].attributes.resid;

    const functions = only(only(workbook, "AllFormFactors"), "ExtensionPoint");
    expect(functions.attributes["xsi:type"]).toBe("CustomFunctions");
    const desktop = only(workbook, "DesktopFormFactor");
    const showTaskpane = descendants(desktop).filter((e) => e.name === "Action" && e.attributes["xsi:type"] === "ShowTaskpane");
    expect(showTaskpane).toHaveLength(1);

    const residsOfThePage = [
      only(only(functions, "Page"), "SourceLocation").attributes.resid,
      only(desktop, "FunctionFile").attributes.resid,
      only(showTaskpane[0], "SourceLocation").attributes.resid,
    ];
    expect(residsOfThePage).toEqual([pageResid, pageResid, pageResid]);

    const pageUrl = definitions("bt:Urls").get(pageResid)?.attributes.DefaultValue;
    expect(pageUrl).toBe(`${DEV_URL}taskpane.html`);
    expect(only(only(app, "DefaultSettings"), "SourceLocation").attributes.DefaultValue).toBe(pageUrl);
  });

  it("names the custom functions namespace SALES and points at functions.js and functions.json", () => {
    const functions = only(only(workbook, "AllFormFactors"), "ExtensionPoint");
    const namespaceResid = only(functions, "Namespace").attributes.resid;
    expect(definitions("bt:ShortStrings").get(namespaceResid)?.attributes.DefaultValue).toBe("SALES");
    const urls = definitions("bt:Urls");
    expect(urls.get(only(only(functions, "Script"), "SourceLocation").attributes.resid)?.attributes.DefaultValue).toBe(`${DEV_URL}functions.js`);
    expect(urls.get(only(only(functions, "Metadata"), "SourceLocation").attributes.resid)?.attributes.DefaultValue).toBe(`${DEV_URL}functions.json`);
  });

  it("has a ribbon button on the Home tab that opens the task pane", () => {
    const surface = descendants(workbook).find((e) => e.name === "ExtensionPoint" && e.attributes["xsi:type"] === "PrimaryCommandSurface");
    expect(surface).toBeDefined();
    const buttons = descendants(surface!).filter((e) => e.name === "Control" && e.attributes["xsi:type"] === "Button");
    expect(buttons).toHaveLength(1);
    expect(only(buttons[0], "Action").attributes["xsi:type"]).toBe("ShowTaskpane");
    expect(only(surface!, "OfficeTab").attributes.id).toBe("TabHome");
  });

  it("defines every resid it references, in the Resources section of the right kind, with ids of at most 32 characters", () => {
    const sectionFor = (element: XmlElement): string => {
      if (element.name === "bt:Image") return "bt:Images";
      if (["SourceLocation", "FunctionFile", "LearnMoreUrl", "Runtime"].includes(element.name)) return "bt:Urls";
      if (element.name === "Description") return "bt:LongStrings";
      return "bt:ShortStrings"; // Label, Title, Namespace
    };
    const referencing = descendants(only(app, "VersionOverrides")).filter((e) => e.attributes.resid !== undefined);
    expect(referencing.length).toBeGreaterThan(10);
    const problems = referencing
      .filter((e) => !definitions(sectionFor(e)).has(e.attributes.resid) || e.attributes.resid.length > 32)
      .map((e) => `<${e.name} resid="${e.attributes.resid}"> (looked in ${sectionFor(e)})`);
    expect(problems).toEqual([]);
  });

  it("keeps strings within Office's limits (short 125, long 250 characters; name 30, description 250), in both languages", () => {
    const tooLong = (section: string, limit: number) =>
      [...definitions(section).values()].flatMap((d) =>
        [d.attributes.DefaultValue, zhOverride(d) ?? ""].filter((v) => v.length > limit).map((v) => `${d.attributes.id}: ${v}`),
      );
    expect(tooLong("bt:ShortStrings", 125)).toEqual([]);
    expect(tooLong("bt:LongStrings", 250)).toEqual([]);
    // The unified manifest takes these as name.short (30) and description.short (250).
    for (const [name, limit] of [
      ["DisplayName", 30],
      ["Description", 250],
    ] as const) {
      const element = only(app, name);
      for (const value of [element.attributes.DefaultValue, zhOverride(element) ?? ""]) {
        expect({ name, value, fits: value.length <= limit }).toEqual({ name, value, fits: true });
      }
    }
  });

  it("is English by default with Chinese overrides for the name, description and every ribbon and get-started text", () => {
    expect(only(app, "DefaultLocale").text).toBe("en-US");
    for (const name of ["DisplayName", "Description"]) {
      expect({ name, zh: CJK.test(zhOverride(only(app, name)) ?? "") }).toEqual({ name, zh: true });
    }
    const strings = new Map([...definitions("bt:ShortStrings"), ...definitions("bt:LongStrings")]);
    const shownTexts = descendants(only(workbook, "DesktopFormFactor")).filter(
      (e) => ["Label", "Title", "Description"].includes(e.name) && e.attributes.resid,
    );
    expect(shownTexts.length).toBeGreaterThanOrEqual(5);
    const untranslated = shownTexts.map((e) => e.attributes.resid).filter((id) => !CJK.test(zhOverride(strings.get(id)!) ?? ""));
    expect(untranslated).toEqual([]);
  });

  it("uses https for every URL", () => {
    const urls = [...manifestText.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<]+/gi)].map((m) => m[0]);
    const schemas = (u: string) => u.startsWith("http://schemas.microsoft.com/") || u === "http://www.w3.org/2001/XMLSchema-instance";
    expect(urls.filter((u) => !schemas(u))).not.toHaveLength(0);
    expect(urls.filter((u) => !schemas(u) && !u.startsWith("https://"))).toEqual([]);
  });

  it("has every icon it declares, in assets/, at the declared pixel size", () => {
    const images = definitions("bt:Images");
    const declared: Array<{ url: string; size: number }> = [
      { url: only(app, "IconUrl").attributes.DefaultValue, size: 32 },
      { url: only(app, "HighResolutionIconUrl").attributes.DefaultValue, size: 64 },
      ...descendants(workbook)
        .filter((e) => e.name === "bt:Image")
        .map((e) => ({ url: images.get(e.attributes.resid)!.attributes.DefaultValue, size: Number(e.attributes.size) })),
    ];
    const ribbonSizes = new Set(declared.slice(2).map((d) => d.size));
    for (const required of [16, 32, 80]) expect(ribbonSizes).toContain(required);
    for (const { url, size } of declared) {
      expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
      const file = path.join(root, url.slice(DEV_URL.length));
      expect({ url, ...readPngSize(readFileSync(file)) }).toEqual({ url, width: size, height: size });
    }
  });

  it.each([16, 32, 64, 80, 128])("ships a %i px icon", (size) => {
    expect(readPngSize(readFileSync(path.join(root, "assets", `icon-${size}.png`)))).toEqual({ width: size, height: size });
  });
});
