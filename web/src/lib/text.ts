const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Characters as a member sees them (an emoji with a skin tone is one), as the server counts a note. */
export function visibleLength(text: string): number {
  return [...graphemes.segment(text)].length;
}

/** `text` cut to at most `max` visible characters. */
export function clipVisible(text: string, max: number): string {
  return [...graphemes.segment(text)]
    .slice(0, max)
    .map((part) => part.segment)
    .join('');
}
