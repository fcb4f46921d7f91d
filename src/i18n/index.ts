// Message lookup for both languages. Messages with parameters are functions, so a
// translation cannot drop or rename a parameter without a type error.
import type { Language } from "../domain/spec/vocabulary";
import { enUS, type Messages } from "./en-US";
import { zhCN } from "./zh-CN";

export type { Messages };

const catalogs: Record<Language, Messages> = { "en-US": enUS, "zh-CN": zhCN };

export function messages(language: Language): Messages {
  return catalogs[language];
}

/** The product language for an Office display language such as "zh-CN", "zh-Hans-CN" or "en-GB". */
export function languageFor(officeLanguage: string | undefined): Language {
  return officeLanguage && /^zh\b/i.test(officeLanguage) ? "zh-CN" : "en-US";
}
