import { matchTerm, type TermList } from "../spec/vocabulary";

/** Distinct texts kept in the linear part of a WordCache; a column rarely has more. */
const LINEAR = 16;

/**
 * Remembers what each distinct cell text resolved to. A column of a million statuses holds
 * a handful of distinct texts, and Excel hands each cell as its own string: comparing with
 * the few texts seen so far is cheaper than hashing every cell, and folding case happens
 * once per text, not once per cell.
 */
export class WordCache<T> {
  // One array of small objects rather than two parallel arrays: every cache, whatever T is,
  // then reads its entries the same way, which keeps this hot loop fast in V8.
  private readonly entries: { readonly text: unknown; readonly value: T }[] = [];
  private readonly more = new Map<unknown, T>();

  constructor(private readonly resolve: (text: unknown) => T) {}

  get(text: unknown): T {
    const entries = this.entries;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (entry.text === text) return entry.value;
    }
    return this.miss(text);
  }

  private miss(text: unknown): T {
    if (this.more.has(text)) return this.more.get(text) as T;
    const value = this.resolve(text);
    if (this.entries.length < LINEAR) this.entries.push({ text, value });
    else this.more.set(text, value);
    return value;
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
