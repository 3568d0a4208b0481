import { formatDateTime, formatRelative } from '../lib/time.js';

interface RelativeTimeProps {
  value: string;
  /** Words before the relative time, e.g. "Sent". */
  prefix?: string;
}

/** "Sent 2 weeks ago", with the exact time on hover and for assistive technology. */
export function RelativeTime({ value, prefix }: RelativeTimeProps) {
  const exact = formatDateTime(value);
  return (
    <time className="relative-time" dateTime={value} title={exact}>
      {prefix ? `${prefix} ` : ''}
      {formatRelative(value)}
    </time>
  );
}
