import { Type } from '@sinclair/typebox';
import { PageOf, PageQuery } from '../../http/common.schemas.js';
import { MAX_IMPORT_ENTRIES } from './contact.service.js';

export const ImportBody = Type.Union(
  [
    Type.Object(
      {
        emails: Type.Array(Type.String({ maxLength: 320 }), {
          maxItems: MAX_IMPORT_ENTRIES,
          description: 'addresses; invalid ones are skipped and counted',
        }),
      },
      { additionalProperties: false },
    ),
    Type.String({
      maxLength: 1024 * 1024,
      description:
        'a text/csv body with an email column; a header row such as "Name,Email" is recognised',
    }),
  ],
  { description: 'application/json {emails: [...]}, or text/csv' },
);

export const ImportResult = Type.Object({
  imported: Type.Integer({ description: 'distinct valid addresses now among your contacts' }),
  skipped: Type.Integer({ description: 'invalid addresses and repeats' }),
  total: Type.Integer({ description: 'entries read' }),
});

export const ContactsQuery = Type.Object(PageQuery);

export const ContactsPage = PageOf(
  Type.Object({ email: Type.String(), importedAt: Type.String({ format: 'date-time' }) }),
);
