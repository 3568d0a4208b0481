import { html, page } from '../../mail/html.js';
import type { MailSummary, MailView } from './outbox.service.js';

export function mailboxPage(mails: MailSummary[]): string {
  return page(
    'Mailbox — Rapport',
    html`<h1>Development mailbox</h1>
      <p>
        No mail server is configured (RAPPORT_SMTP_URL), so mail stays in the outbox. The newest
        ${mails.length} mails:
      </p>
      <table>
        <thead>
          <tr>
            <th>Created</th>
            <th>To</th>
            <th>Subject</th>
            <th>Kind</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          ${mails.map(
            (m) =>
              html`<tr>
                <td>${m.createdAt}</td>
                <td>${m.to}</td>
                <td><a href="/dev/mailbox/${m.id}">${m.subject}</a></td>
                <td>${m.template}</td>
                <td>${m.status}</td>
              </tr> `,
          )}
        </tbody>
      </table>`,
  );
}

export function mailPage(mail: MailView): string {
  return page(
    `${mail.subject} — Mailbox`,
    html`<p><a href="/dev/mailbox">← Mailbox</a></p>
      <h1>${mail.subject}</h1>
      <table>
        <tr>
          <th>To</th>
          <td>${mail.to}</td>
        </tr>
        <tr>
          <th>Status</th>
          <td>${mail.status}${mail.lastError ? html` (${mail.lastError})` : ''}</td>
        </tr>
        <tr>
          <th>Created</th>
          <td>${mail.createdAt}</td>
        </tr>
        ${Object.entries(mail.headers).map(
          ([name, value]) =>
            html`<tr>
              <th>${name}</th>
              <td>${value}</td>
            </tr> `,
        )}
      </table>
      <h2>Plain text</h2>
      <pre>${mail.text}</pre>
      <h2>HTML</h2>
      <p><a href="/dev/mailbox/${mail.id}/html">Open the HTML body</a></p>`,
  );
}
