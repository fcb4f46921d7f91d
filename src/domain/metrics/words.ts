import { matchTerm, type TermList } from "../spec/vocabulary";

/**
 * A matcher for one list's words that remembers each raw cell text it has seen: a column
 * of a million statuses holds a handful of distinct texts, so folding case once per text
 * (not once per cell) keeps a range scan close to a plain loop.
 */
export function wordMatcher<K extends string>(terms: TermList<K>): (text: string) => K | undefined {
  const seen = new Map<string, K | null>();
  return (text) => {
    let key = seen.get(text);
    if (key === undefined) {
      key = matchTerm(terms, text) ?? null;
      seen.set(text, key);
    }
    return key ?? undefined;
  };
}

/** "open, won, lost / 跟进中, 赢单, 输单": the words a list accepts, for messages. */
export function choicesOf(terms: TermList): string {
  return `${terms.terms.map((t) => t.en).join(", ")} / ${terms.terms.map((t) => t.zh).join(", ")}`;
}
