import { exportUrl } from '../../../api/account.js';

/** R30: one download with everything Rapport holds about the member. */
export function ExportSection() {
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title" className="card-title">
        Download your data
      </h2>
      <p>
        One file with your profile, settings, connections, follows, invitations and their history,
        blocks, contacts, pages, events and notifications.
      </p>
      <div>
        <a className="button" href={exportUrl} download>
          Download your data
        </a>
      </div>
    </section>
  );
}
