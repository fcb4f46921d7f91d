// Reads an XML document into a plain tree that keeps element order, with the strict parser
// office-addin-manifest itself uses (xml2js over sax), so a malformed file fails to parse.
import { createRequire } from "node:module";

// Not a dependency of ours: taken from office-addin-manifest's own dependencies, on purpose.
const { parseStringPromise } = createRequire(require.resolve("office-addin-manifest"))("xml2js") as {
  parseStringPromise(text: string, options: object): Promise<Record<string, Xml2jsNode>>;
};

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
  readonly children: readonly XmlElement[];
}

interface Xml2jsNode {
  "#name": string;
  $?: Record<string, string>;
  _?: string;
  $$?: Xml2jsNode[];
}

function toElement(node: Xml2jsNode): XmlElement {
  return {
    name: node["#name"],
    attributes: node.$ ?? {},
    text: (node._ ?? "").trim(),
    children: (node.$$ ?? []).map(toElement),
  };
}

export async function readXml(text: string): Promise<XmlElement> {
  const parsed = await parseStringPromise(text, {
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitRoot: true,
    strict: true,
  });
  const [rootName] = Object.keys(parsed);
  return toElement({ ...parsed[rootName], "#name": rootName });
}

/** Every element below `root` (itself included), depth first, in document order. */
export function descendants(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(descendants)];
}

/** The one child called `name`; fails naming the path when there is none or several. */
export function only(parent: XmlElement, name: string): XmlElement {
  const found = parent.children.filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`<${parent.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0];
}
