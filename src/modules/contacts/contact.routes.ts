import { errorResponses, NoContent } from '../../http/common.schemas.js';
import type { RoutesPlugin } from '../../http/types.js';
import { ContactsPage, ContactsQuery, ImportBody, ImportResult } from './contact.schemas.js';

const tags = ['contacts'];

export const contactRoutes: RoutesPlugin = (ctx) => (app) => {
  app.post(
    '/contacts/import',
    {
      schema: {
        tags,
        operationId: 'importContacts',
        summary: 'Import an address book, used by the invitation policy (R8)',
        consumes: ['application/json', 'text/csv'],
        body: ImportBody,
        response: { 200: ImportResult, ...errorResponses },
      },
    },
    async (request) => {
      const body = request.body;
      return ctx.contacts.import(request.memberId, typeof body === 'string' ? body : body.emails);
    },
  );

  app.get(
    '/contacts',
    {
      schema: {
        tags,
        operationId: 'listContacts',
        summary: 'Your imported contacts, in address order',
        querystring: ContactsQuery,
        response: { 200: ContactsPage, ...errorResponses },
      },
    },
    async (request) => ctx.contacts.list(request.memberId, request.query),
  );

  app.delete(
    '/contacts',
    {
      schema: {
        tags,
        operationId: 'deleteContacts',
        summary: 'Delete all your imported contacts',
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await ctx.contacts.clear(request.memberId);
      return reply.status(204).send(null);
    },
  );
};
