import { Type } from '@sinclair/typebox';
import { errorResponses } from '../../http/common.schemas.js';
import type { RoutesPlugin } from '../../http/types.js';

const tags = ['settings'];
const Policy = Type.Union([Type.Literal('everyone'), Type.Literal('email_or_contacts')]);

const Settings = Type.Object({
  invitationPolicy: Policy,
  emailOnInvitation: Type.Boolean(),
  emailReminders: Type.Boolean(),
  emailOnAccept: Type.Boolean(),
  pageInvitations: Type.Boolean({ description: 'whether page admins may invite you (R21)' }),
  autoWithdrawAfterDays: Type.Union([Type.Integer(), Type.Null()]),
  restriction: Type.Union(
    [Type.Object({ until: Type.String({ format: 'date-time' }) }), Type.Null()],
    {
      description: 'read-only (R9)',
    },
  ),
});

/**
 * What a member may change. Automatic withdrawal after more days than an invitation lives would
 * never run, so its bound is this instance's `expiryDays`, which the web app reads too.
 */
const settingsPatch = (expiryDays: number) =>
  Type.Object(
    {
      invitationPolicy: Type.Optional(Policy),
      emailOnInvitation: Type.Optional(Type.Boolean()),
      emailReminders: Type.Optional(Type.Boolean()),
      emailOnAccept: Type.Optional(Type.Boolean()),
      pageInvitations: Type.Optional(Type.Boolean()),
      autoWithdrawAfterDays: Type.Optional(
        Type.Union([Type.Integer({ minimum: 1, maximum: expiryDays }), Type.Null()]),
      ),
    },
    { additionalProperties: false, minProperties: 1 },
  );

export const settingsRoutes: RoutesPlugin = (ctx) => (app) => {
  app.get(
    '/settings',
    {
      schema: {
        tags,
        operationId: 'getSettings',
        summary: 'Your settings',
        response: { 200: Settings, ...errorResponses },
      },
    },
    async (request) => ctx.settings.get(request.memberId),
  );

  app.patch(
    '/settings',
    {
      schema: {
        tags,
        operationId: 'updateSettings',
        summary: 'Change your settings',
        body: settingsPatch(ctx.config.rules.expiryDays),
        response: { 200: Settings, ...errorResponses },
      },
    },
    async (request) => ctx.settings.update(request.memberId, request.body),
  );
};
