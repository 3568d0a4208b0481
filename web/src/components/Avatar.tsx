declare module 'react' {
  interface CSSProperties {
    '--avatar-hue'?: number;
  }
}

const HUES = [168, 200, 25, 280, 330, 140, 45, 220];

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')
  ).toUpperCase();
}

function hueFor(seed: string): number {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return HUES[hash % HUES.length] ?? HUES[0]!;
}

interface AvatarProps {
  name: string;
  handle: string;
  size?: 'small' | 'medium' | 'large';
}

export function Avatar({ name, handle, size = 'medium' }: AvatarProps) {
  return (
    <span
      className={`avatar avatar-${size}`}
      style={{ '--avatar-hue': hueFor(handle) }}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}
