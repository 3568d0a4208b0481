import type { InvitationMailTemplate } from '../../db/tables/outbox.js';
import { html, page } from '../../mail/html.js';
import { DESCRIPTION_OF } from '../../mail/preferences.js';

/** GET: asks before changing anything, since mail scanners open links on their own. */
export function confirmPage(template: InvitationMailTemplate, token: string): string {
  return page(
    'Unsubscribe — Rapport',
    html`<h1>Unsubscribe</h1>
      <p>Stop ${DESCRIPTION_OF[template]}?</p>
      <form method="post" action="/api/v1/unsubscribe?token=${encodeURIComponent(token)}">
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <button type="submit">Unsubscribe</button>
      </form>
      <p>You can also choose which emails you get in your <a href="/settings">settings</a>.</p>`,
  );
}

export function donePage(template: InvitationMailTemplate): string {
  return page(
    'Unsubscribed — Rapport',
    html`<h1>You are unsubscribed</h1>
      <p>
        You will no longer get ${DESCRIPTION_OF[template]}. You can turn them back on in your
        <a href="/settings">settings</a>.
      </p>`,
  );
}

export function invalidPage(): string {
  return page(
    'Unsubscribe — Rapport',
    html`<h1>This link does not work</h1>
      <p>
        It may have been cut short. You can choose which emails you get in your
        <a href="/settings">settings</a>.
      </p>`,
  );
}
