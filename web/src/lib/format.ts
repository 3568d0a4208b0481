/** Numbers in the member's own locale format ("1,746" or "1.746"), the same on every page. */
const countFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** A badge never grows past "99+"; the exact figure goes in the accessible text beside it. */
export function formatBadge(value: number, cap = 99): string {
  return value > cap ? `${formatCount(cap)}+` : formatCount(value);
}
