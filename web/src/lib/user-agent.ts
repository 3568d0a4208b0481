/** Browsers by the product token that names them, most specific first (Edge also says Chrome). */
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(HeadlessChrome|Chrome|Chromium|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

/** Systems by what their browsers say of them, most specific first (Android also says Linux). */
const SYSTEMS: [RegExp, string][] = [
  [/\b(iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

function firstMatch(text: string, patterns: [RegExp, string][]): string | null {
  return patterns.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/**
 * A browser's user-agent string in the words a member recognises: "Chrome on Linux", "Safari on
 * iOS", or a program's own name ("curl") for a script; the string itself when none of these is
 * in it, and null when it is empty.
 */
export function describeUserAgent(userAgent: string | null): string | null {
  const text = userAgent?.trim() ?? '';
  if (text === '') return null;
  const browser = firstMatch(text, BROWSERS);
  const system = firstMatch(text, SYSTEMS);
  if (browser && system) return `${browser} on ${system}`;
  if (browser) return browser;
  const program = /^[\w.-]+(?=\/)/.exec(text)?.[0];
  if (program && program !== 'Mozilla') return program;
  return system ? `A browser on ${system}` : text;
}
