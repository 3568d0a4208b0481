import type { App } from './types.js';

/** The web app loads only its own scripts and styles; nothing may frame it. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Features the app never uses, turned off so an injected frame or script cannot ask for them. */
const PERMISSIONS = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

/** Browsers that once reached the https address never fall back to plain http for a year. */
const HSTS = 'max-age=31536000; includeSubDomains';

export function securityHeaders(app: App, publicUrl: string): void {
  const https = publicUrl.startsWith('https:');
  app.addHook('onSend', async (request, reply) => {
    if (https) reply.header('strict-transport-security', HSTS);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header('permissions-policy', PERMISSIONS);
    // API answers are personal: no shared cache may keep them, unless a route says otherwise.
    if (request.url.startsWith('/api/v1/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    // The API docs page runs Swagger UI, which needs inline scripts of its own.
    if (!request.url.startsWith('/api/docs')) reply.header('content-security-policy', CSP);
  });
}
