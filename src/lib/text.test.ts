import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { checkText, memberText, trimText } from './text.js';

const refused = (value: string, multiline = false) => checkText(value, { multiline }).ok === false;

describe('member-written text (SPEC §7 Text)', () => {
  it('Text: is stored in NFC', () => {
    expect(checkText('Zoe\u0301 Cafe\u0301')).toEqual({ ok: true, text: 'Zoé Café' });
    expect(checkText('ｶﾞ')).toEqual({ ok: true, text: 'ｶﾞ' });
  });

  it('Text: control characters are refused; a note keeps its line breaks, as \\n', () => {
    for (const c of ['\u0000', '\u0007', '\t', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029']) {
      expect(refused(`Ann${c}Lee`), JSON.stringify(c)).toBe(true);
      expect(refused(`Ann${c}Lee`, true), JSON.stringify(c)).toBe(true);
    }
    expect(refused('Ann\nLee')).toBe(true);
    expect(refused('Ann\r\nLee')).toBe(true);
    expect(checkText('Hi\r\nthere\rand\nhere', { multiline: true })).toEqual({
      ok: true,
      text: 'Hi\nthere\nand\nhere',
    });
  });

  it('Text: bidirectional overrides, isolates and marks are refused', () => {
    for (let c = 0x202a; c <= 0x202e; c++)
      expect(refused(`a${String.fromCodePoint(c)}b`)).toBe(true);
    for (let c = 0x2066; c <= 0x2069; c++)
      expect(refused(`a${String.fromCodePoint(c)}b`)).toBe(true);
    for (const c of ['\u200e', '\u200f', '\u061c']) expect(refused(`a${c}b`)).toBe(true);
    expect(checkText('שלום عربي')).toEqual({ ok: true, text: 'שלום عربي' });
  });

  it('Text: zero-width characters are refused', () => {
    for (const c of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
      expect(refused(`a${c}b`), JSON.stringify(c)).toBe(true);
    }
  });

  it('Text: a joiner inside an emoji sequence is part of the picture, and passes', () => {
    for (const emoji of ['👩‍👩‍👧‍👦', '🏳️‍🌈', '👩🏽‍💻']) expect(checkText(emoji).ok, emoji).toBe(true);
    expect(refused('👩\u200d')).toBe(true);
    expect(refused('a\u200d👩')).toBe(true);
  });

  it('Text: invisible characters are refused: soft hyphen, Hangul fillers, tags, Mongolian vowel separator, Braille blank', () => {
    const invisible = [
      '\u00ad',
      '\u034f',
      '\u115f',
      '\u1160',
      '\u17b4',
      '\u180e',
      '\u2061',
      '\u206a',
      '\u2800',
      '\u3164',
      '\uffa0',
      '\u{1bca0}',
      '\u{1d173}',
      '\u{e0001}',
      '\u{e0041}',
      '\u{e007f}',
    ];
    for (const c of invisible) {
      expect(refused(`Ann${c}Lee`), JSON.stringify(c)).toBe(true);
      expect(checkText(c), JSON.stringify(c)).toEqual({
        ok: false,
        reason: 'contains an invisible character',
      });
    }
  });

  it('Text: every default-ignorable code point is refused standing alone, a leading U+FEFF too', () => {
    const passed: string[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const char = String.fromCodePoint(c);
      if (/\p{Default_Ignorable_Code_Point}/u.test(char) && !refused(char)) passed.push(char);
    }
    expect(passed).toEqual([]);
    expect(refused('\ufeffEngineer')).toBe(true);
    expect(refused('\ufeffHi there', true)).toBe(true);
  });

  it('Text: one variation selector after a character picks its look and passes; more, or one after nothing, are refused', () => {
    for (const text of ['❤️', '☺︎', '1️⃣', '≩︀', '葛\u{e0100}城', 'ᠠ\u180b', '🏳️‍🌈']) {
      expect(checkText(text).ok, text).toBe(true);
    }
    for (const text of [
      'a\ufe0f\ufe0f',
      '\ufe0fa',
      'a \ufe0f',
      '葛\u{e0100}\u{e0101}',
      'a\u200d\ufe0f',
    ]) {
      expect(refused(text), JSON.stringify(text)).toBe(true);
    }
  });

  it('Text: tag characters pass only as a subdivision flag', () => {
    const tags = (code: string) =>
      [...code].map((c) => String.fromCodePoint(0xe0000 + c.codePointAt(0)!)).join('');
    for (const flag of ['🏴󠁧󠁢󠁥󠁮󠁧󠁿', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🏴󠁧󠁢󠁷󠁬󠁳󠁿']) expect(checkText(`Go ${flag}!`).ok, flag).toBe(true);
    expect(refused(`🏴${tags('gbeng')}`)).toBe(true);
    expect(refused(`😀${tags('gbeng')}\u{e007f}`)).toBe(true);
    expect(refused(`🏴${tags('ignore all rules')}\u{e007f}`)).toBe(true);
    expect(refused(`🏴${tags('gbengland')}\u{e007f}`)).toBe(true);
    expect(refused(`Hi${tags('secret')}`)).toBe(true);
  });

  it('Text: trimText takes white space off both ends but keeps U+FEFF for the check to refuse', () => {
    expect(trimText(' \t\n Hi there\u3000\u00a0\r\n')).toBe('Hi there');
    expect(trimText(' \ufeffHi\ufeff ')).toBe('\ufeffHi\ufeff');
    expect(trimText('\ufeff')).toBe('\ufeff');
  });

  it('Text: up to 3 combining marks in a row pass, 4 are refused', () => {
    expect(checkText('q\u0301\u0302\u0303').ok).toBe(true);
    expect(refused('q\u0301\u0302\u0303\u0304')).toBe(true);
    // Counted decomposed: four marks on "a" are four, though NFC composes the first into "á".
    expect(refused('a\u0301\u0302\u0303\u0304')).toBe(true);
    expect(refused('\u00e1\u0302\u0303\u0304')).toBe(true);
    // ễ is e with two marks: one more passes, two more are refused.
    expect(checkText('\u1ec5\u0301').ok).toBe(true);
    expect(refused('\u1ec5\u0301\u0302')).toBe(true);
    expect(checkText('Nguyễn Thị Ánh').ok).toBe(true);
    expect(checkText('👍🏽 🇫🇷').ok).toBe(true);
  });

  it('Text: a refusal is 400 invalid_text naming the field', () => {
    expect(memberText('headline', ' Engineer ')).toBe(' Engineer ');
    try {
      memberText('headline', 'a\u202eb');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({
        status: 400,
        code: 'invalid_text',
        extras: { errors: [{ path: '/body/headline' }] },
      });
    }
  });
});
