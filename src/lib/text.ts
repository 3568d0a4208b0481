/**
 * Text members write for others to read — names, headlines, notes, page and event names (SPEC
 * §7 "Text"): stored in NFC, and refused when it carries what could disguise it: control
 * characters, bidirectional overrides, isolates and marks, zero-width and other invisible
 * characters, or piles of combining marks.
 */
import { DomainError } from './errors.js';

/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/u;
/** A zero-width joiner inside an emoji sequence (👩‍👩‍👧‍👦), where it is part of one picture. */
const EMOJI_JOINER =
  /(?<=\p{Extended_Pictographic}(?:[\u{1f3fb}-\u{1f3ff}]|\ufe0f)?)\u200d(?=\p{Extended_Pictographic})/gu;
/**
 * What Unicode says to show as nothing (Default_Ignorable_Code_Point: soft hyphens, Hangul
 * fillers, tag characters, the Mongolian vowel separator...) and the Braille blank, a symbol
 * that looks like nothing.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800]/u;
/**
 * One variation selector right after a visible character picks how that character looks (❤️,
 * 葛󠄀, Mongolian letter forms); a run of them, or one after nothing, only carries hidden data.
 */
const VARIATION_SELECTOR =
  /(?<=[^\s\p{Default_Ignorable_Code_Point}])[\u180b-\u180d\u180f\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu;
/** The tag characters of a subdivision flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿): a region and a subdivision code, then the cancel tag. */
const FLAG_TAGS =
  /(?<=\u{1f3f4})[\u{e0061}-\u{e007a}]{2}[\u{e0030}-\u{e0039}\u{e0061}-\u{e007a}]{1,4}\u{e007f}/gu;
const MAX_COMBINING_RUN = 3;
const COMBINING_RUN = new RegExp(`[\\p{Mn}\\p{Me}]{${MAX_COMBINING_RUN + 1},}`, 'u');

export interface TextOptions {
  /** A note may keep its line breaks (stored as \n); nothing else may have any. */
  multiline?: boolean;
}

/** The text in NFC, or why it is refused. */
export function checkText(
  value: string,
  options: TextOptions = {},
): { ok: true; text: string } | { ok: false; reason: string } {
  let text = value.normalize('NFC');
  if (options.multiline) text = text.replace(/\r\n?/g, '\n');
  const controls = options.multiline ? text.replaceAll('\n', '') : text;
  if (CONTROL.test(controls)) return { ok: false, reason: 'contains a control character' };
  if (BIDI.test(text)) return { ok: false, reason: 'contains a bidirectional control character' };
  const shown = text
    .replace(EMOJI_JOINER, '')
    .replace(VARIATION_SELECTOR, '')
    .replace(FLAG_TAGS, '');
  if (ZERO_WIDTH.test(shown)) return { ok: false, reason: 'contains a zero-width character' };
  if (INVISIBLE.test(shown)) return { ok: false, reason: 'contains an invisible character' };
  // Counted decomposed, as the marks stack on the letter: "a" and four marks, sent as such or
  // with the first composed into "á", are refused alike.
  if (COMBINING_RUN.test(text.normalize('NFD'))) {
    return { ok: false, reason: `has more than ${MAX_COMBINING_RUN} combining marks in a row` };
  }
  return { ok: true, text };
}

/**
 * `value` without white space at either end. Unlike String.prototype.trim it keeps U+FEFF, which
 * is no white space but an invisible character, for `checkText` to refuse as it does anywhere.
 */
export function trimText(value: string): string {
  return value.replace(/^[^\S\ufeff]+|[^\S\ufeff]+$/gu, '');
}

/** `value` in NFC, or 400 `invalid_text` naming `field` of the request body. */
export function memberText(field: string, value: string, options: TextOptions = {}): string {
  const checked = checkText(value, options);
  if (checked.ok) return checked.text;
  throw new DomainError('invalid_text', `The ${field} ${checked.reason}.`, {
    errors: [{ path: `/body/${field}`, message: checked.reason }],
  });
}

/** The profile fields a member writes about themselves, single lines each. */
export const PROFILE_TEXT = ['name', 'headline', 'company', 'industry', 'location'] as const;

/** `memberText` over the fields of `input` that are present, the others left as they are. */
export function memberTexts<T extends object, K extends keyof T & string>(
  input: T,
  fields: readonly K[],
): T {
  const out = { ...input };
  for (const field of fields) {
    const value = input[field];
    if (typeof value === 'string') Object.assign(out, { [field]: memberText(field, value) });
  }
  return out;
}
