import { messages, languageFor } from "../../src/i18n";
import { LANGUAGES } from "../../src/domain/spec/vocabulary";

type Tree = { [key: string]: unknown };

function leaves(tree: Tree, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of leaves(value as Tree, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

describe("message catalogs", () => {
  const english = leaves(messages("en-US") as unknown as Tree);

  it.each(LANGUAGES.filter((l) => l !== "en-US"))("%s has every English key, and no other", (language) => {
    const other = leaves(messages(language) as unknown as Tree);
    expect([...other.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(LANGUAGES)("%s has no empty message", (language) => {
    for (const [key, value] of leaves(messages(language) as unknown as Tree)) {
      if (typeof value === "string") expect({ key, empty: value.trim() === "" }).toEqual({ key, empty: false });
    }
  });

  it.each(LANGUAGES.filter((l) => l !== "en-US"))("%s messages with parameters take as many as English", (language) => {
    const other = leaves(messages(language) as unknown as Tree);
    for (const [key, value] of english) {
      if (typeof value === "function") {
        const translated = other.get(key);
        expect({ key, type: typeof translated }).toEqual({ key, type: "function" });
        expect({ key, arity: (translated as (...a: unknown[]) => string).length }).toEqual({ key, arity: value.length });
      }
    }
  });

  it("Chinese messages are written in Chinese", () => {
    expect(messages("zh-CN").common.productName).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each([
    ["zh-CN", "zh-CN"],
    ["zh-Hans-CN", "zh-CN"],
    ["ZH-tw", "zh-CN"],
    ["en-GB", "en-US"],
    ["de-DE", "en-US"],
    [undefined, "en-US"],
  ])("Office language %s reads as %s", (office, language) => {
    expect(languageFor(office as string | undefined)).toBe(language);
  });
});
