const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Characters as a member sees them (an emoji with a skin tone is one), as the server counts a note. */
export function visibleLength(text: string): number {
  return [...graphemes.segment(text)].length;
}
