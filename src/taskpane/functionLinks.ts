import { SIGNATURES, signatureOf, type FunctionId } from "../functions/signatures";
import type { SalesFunctionLink } from "./App";

/** Every SALES function, in the order they are declared, with its section of help.html. */
export function salesFunctionLinks(helpPage = "help.html"): SalesFunctionLink[] {
  return (Object.keys(SIGNATURES) as FunctionId[]).map((name) => ({
    name,
    // The help page's and Excel's own spelling: required arguments bare, optional ones in brackets.
    signature: signatureOf(name),
    helpUrl: `${helpPage}#${name.toLowerCase()}`,
  }));
}
