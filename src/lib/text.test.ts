import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { checkText, memberText } from './text.js';

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

  it('Text: up to 3 combining marks in a row pass, 4 are refused', () => {
    expect(checkText('q\u0301\u0302\u0303').ok).toBe(true);
    expect(refused('q\u0301\u0302\u0303\u0304')).toBe(true);
    // Counted once composed: á is one letter, so three marks are left after it.
    expect(checkText('a\u0301\u0302\u0303\u0304').ok).toBe(true);
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
