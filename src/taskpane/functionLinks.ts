import { SIGNATURES, type FunctionId } from "../functions/signatures";
import type { SalesFunctionLink } from "./App";

/** "SALES.LTV(arpu, grossMargin, churnRate, [lifetimeCap])": optional parameters in brackets. */
export function signatureText(name: FunctionId): string {
  const parameters = SIGNATURES[name].map((p) => (p.blank === "required" ? p.name : `[${p.name}]`));
  return `SALES.${name}(${parameters.join(", ")})`;
}

/** Every SALES function, in the order they are declared, with its section of help.html. */
export function salesFunctionLinks(helpPage = "help.html"): SalesFunctionLink[] {
  return (Object.keys(SIGNATURES) as FunctionId[]).map((name) => ({
    name,
    signature: signatureText(name),
    helpUrl: `${helpPage}#${name.toLowerCase()}`,
  }));
}
