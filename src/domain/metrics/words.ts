import { matchTerm, type TermList } from "../spec/vocabulary";

/**
 * Remembers what each distinct cell text resolved to: a column of a million statuses holds a
 * handful of distinct texts, so folding case and matching both languages happens once per
 * text, not once per cell. (A Map measured faster here than comparing with the texts seen.)
 */
export class WordCache<T> {
  private readonly seen = new Map<unknown, T>();

  constructor(private readonly resolve: (text: unknown) => T) {}

  get(text: unknown): T {
    const value = this.seen.get(text);
    if (value !== undefined || this.seen.has(text)) return value as T;
    const resolved = this.resolve(text);
    this.seen.set(text, resolved);
    return resolved;
  }
}

/** Looks up a list's key for cell texts, in either language and any case. */
export function wordMatcher<K extends string>(terms: TermList<K>): WordCache<K | undefined> {
  return new WordCache((text) => matchTerm(terms, text));
}

/** "open, won, lost / 跟进中, 赢单, 输单": the words a list accepts, for messages. */
export function choicesOf(terms: TermList): string {
  return `${terms.terms.map((t) => t.en).join(", ")} / ${terms.terms.map((t) => t.zh).join(", ")}`;
}
