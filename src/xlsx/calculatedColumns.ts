// A table column's formula as a calculated column (<calculatedColumnFormula> in the table part),
// so when a co-author adds a row in Excel, Days late, Score and Next contact fill in by
// themselves. ExcelJS 4 neither writes that element nor survives reading it: any child of
// <tableColumn> (Excel writes them for every calculated column) ends its column list early
// and the load fails. This teaches its table-column reader and writer the child elements,
// and leaves columns without them exactly as before.
import TableColumnXformModule from "exceljs/lib/xlsx/xform/table/table-column-xform";

const TableColumnXform = TableColumnXformModule as unknown as {
  prototype: TableColumnParser & { render(xmlStream: XmlStream, model: ColumnModel): boolean };
};

interface XmlStream {
  openNode(name: string, attributes?: Record<string, unknown>): void;
  leafNode(name: string, attributes?: Record<string, unknown>, text?: string): void;
  closeNode(): void;
}

export interface ColumnModel {
  id: number;
  name: string;
  totalsRowLabel?: string;
  totalsRowFunction?: string;
  dxfId?: string;
  calculatedColumnFormula?: string;
}

interface TableColumnParser {
  model: ColumnModel;
  parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
  parseText(text: string): void;
  parseClose(name: string): boolean;
}

type Child = TableColumnParser & { _child?: string; _text?: string[] };

let taught = false;

export function teachCalculatedColumns(): void {
  if (taught) return;
  taught = true;
  const proto = TableColumnXform.prototype;
  const { render, parseOpen } = proto;

  proto.render = function (xmlStream, model) {
    if (!model.calculatedColumnFormula) return render.call(this, xmlStream, model);
    xmlStream.openNode("tableColumn", {
      id: model.id.toString(),
      name: model.name,
      totalsRowLabel: model.totalsRowLabel,
      totalsRowFunction: model.totalsRowFunction,
      dxfId: model.dxfId,
    });
    xmlStream.leafNode("calculatedColumnFormula", undefined, model.calculatedColumnFormula);
    xmlStream.closeNode();
    return true;
  };

  proto.parseOpen = function (this: Child, node) {
    if (node.name === "tableColumn") return parseOpen.call(this, node);
    // A child element: collect its text, stay inside this column.
    this._child = node.name;
    this._text = [];
    return true;
  };
  proto.parseText = function (this: Child, text) {
    if (this._child) this._text?.push(text);
  };
  proto.parseClose = function (this: Child, name) {
    if (name === "tableColumn") return false;
    if (name === "calculatedColumnFormula") this.model.calculatedColumnFormula = (this._text ?? []).join("");
    this._child = undefined;
    return true;
  };
}
