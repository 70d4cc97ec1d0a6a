/**
 * Locales Discord supports for the client language and for localized strings.
 *
 * @see https://discord.com/developers/docs/reference#locales
 * @module
 */
import type { Open } from "../internal/enums.js";

/**
 * A language Discord supports, with hikari's member names. Fields typed `Open<Locale>` keep a locale
 * Discord adds later as the raw string.
 * @see https://discord.com/developers/docs/reference#locales
 */
export const Locale = {
  /** Indonesian. */
  ID: "id",
  /** Danish. */
  DA: "da",
  /** German. */
  DE: "de",
  /** English, UK. */
  EN_GB: "en-GB",
  /** English, US. */
  EN_US: "en-US",
  /** Spanish. */
  ES_ES: "es-ES",
  /** Spanish, Latin America. */
  ES_LATAM: "es-419",
  /** French. */
  FR: "fr",
  /** Croatian. */
  HR: "hr",
  /** Italian. */
  IT: "it",
  /** Lithuanian. */
  LT: "lt",
  /** Hungarian. */
  HU: "hu",
  /** Dutch. */
  NL: "nl",
  /** Norwegian. */
  NO: "no",
  /** Polish. */
  PL: "pl",
  /** Portuguese, Brazilian. */
  PT_BR: "pt-BR",
  /** Romanian. */
  RO: "ro",
  /** Finnish. */
  FI: "fi",
  /** Swedish. */
  SV_SE: "sv-SE",
  /** Vietnamese. */
  VI: "vi",
  /** Turkish. */
  TR: "tr",
  /** Czech. */
  CS: "cs",
  /** Greek. */
  EL: "el",
  /** Bulgarian. */
  BG: "bg",
  /** Russian. */
  RU: "ru",
  /** Ukrainian. */
  UK: "uk",
  /** Hindi. */
  HI: "hi",
  /** Thai. */
  TH: "th",
  /** Chinese, China. */
  ZH_CN: "zh-CN",
  /** Japanese. */
  JA: "ja",
  /** Chinese, Taiwan. */
  ZH_TW: "zh-TW",
  /** Korean. */
  KO: "ko",
  /** Arabic (listed in Discord's OpenAPI spec). */
  AR: "ar",
  /** Hebrew (listed in Discord's OpenAPI spec). */
  HE: "he",
} as const;

/** One of the locales in {@link Locale}. */
export type Locale = (typeof Locale)[keyof typeof Locale];

/** A locale as a model field carries it: a known {@link Locale} or a newer one passed through. */
export type LocaleLike = Open<Locale>;
