// Imported first by the pane's entry. The pane's CSP forbids eval, and zod decides when each object
// schema is made (at module load) whether to compile a faster parser from generated code: a blocked
// attempt would file a CSP violation report. Without eval it parses the ordinary way.
import { z } from "zod";

z.config({ jitless: true });
