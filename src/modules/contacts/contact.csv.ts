/**
 * Reading an address book exported as CSV (RFC 4180: quoted fields, doubled quotes, line breaks
 * inside quotes) and picking its email column. Pure, so it is tested without a server.
 */
import { DomainError } from '../../lib/errors.js';

const EMAIL_HEADER = /e-?mail/i;
const MAX_EMAIL_LENGTH = 254;
// Deliberately loose: one @, no spaces, a dot in the domain. Mail servers judge the rest.
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]+$/;

export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return email.length <= MAX_EMAIL_LENGTH && EMAIL.test(email) ? email : null;
}

/** Splits CSV text into rows of fields; a semicolon-separated export (a spreadsheet habit) is read too. */
export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const separator = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

/**
 * The cells of the email column. A first row without any address is a header, and its first
 * column named like "Email" / "E-mail Address" is the one; without a header, the first column
 * of the first row holding an address is.
 */
export function emailColumn(rows: string[][]): string[] {
  const [first, ...rest] = rows;
  if (!first) return [];
  const isHeader = !first.some((cell) => normaliseEmail(cell) !== null);
  if (isHeader) {
    const index = first.findIndex((cell) => EMAIL_HEADER.test(cell));
    if (index < 0) {
      throw new DomainError(
        'validation_failed',
        'The CSV file has no email column (a header such as "Email").',
        {
          errors: [{ path: '/body', message: 'no email column' }],
        },
      );
    }
    return rest.map((r) => r[index] ?? '');
  }
  const index = Math.max(
    0,
    first.findIndex((cell) => normaliseEmail(cell) !== null),
  );
  return rows.map((r) => r[index] ?? '');
}

export interface ParsedContacts {
  emails: string[];
  /** Entries read, including invalid and repeated ones. */
  total: number;
}

/** Lower-cased, valid, distinct addresses out of the raw entries, in their first order. */
export function distinctValidEmails(entries: string[]): ParsedContacts {
  const emails = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    if (entry.trim() === '') continue;
    total++;
    const email = normaliseEmail(entry);
    if (email) emails.add(email);
  }
  return { emails: [...emails], total };
}
