import { Type } from '@sinclair/typebox';
import { errorResponses, HandleParams, PageQuery, SearchQuery } from '../../http/common.schemas.js';
import type { RoutesPlugin } from '../../http/types.js';
import { DomainError } from '../../lib/errors.js';
import { Me } from '../accounts/account.schemas.js';
import { Profile, ProfilePatch, SearchPage, Suggestions } from './member.schemas.js';

export const memberRoutes: RoutesPlugin = (ctx) => (app) => {
  app.get(
    '/me',
    {
      schema: {
        tags: ['members'],
        operationId: 'getMe',
        summary: 'Your profile with counts',
        response: { 200: Type.Ref(Me), ...errorResponses },
      },
    },
    async (request) => {
      const me = await ctx.members.me(request.memberId);
      return { ...me, ...(request.csrfToken ? { csrfToken: request.csrfToken } : {}) };
    },
  );

  app.patch(
    '/me',
    {
      schema: {
        tags: ['members'],
        operationId: 'updateMe',
        summary: 'Change your profile, or your email with your current password (R25)',
        body: ProfilePatch,
        response: { 200: Type.Ref(Me), ...errorResponses },
      },
      // A new address is mailed a verification link, as often as a link asked for again.
      config: {
        rateLimit: 'verificationMail',
        rateLimitWhen: (body) => typeof body === 'object' && body !== null && 'email' in body,
      },
    },
    async (request) => {
      const { email, currentPassword, ...profile } = request.body;
      const changesProfile = Object.keys(profile).length > 0;
      if (email === undefined) {
        if (changesProfile) await ctx.members.updateProfile(request.memberId, profile);
        return ctx.members.me(request.memberId);
      }
      if (currentPassword === undefined) {
        throw new DomainError('validation_failed', 'Changing your email needs your password.', {
          errors: [{ path: '/body/currentPassword', message: 'is required with email' }],
        });
      }
      const writeProfile = changesProfile
        ? await ctx.members.profileChange(request.memberId, profile)
        : undefined;
      await app.signInLimit.guard(
        request.ip,
        { memberId: request.memberId },
        'wrong_password',
        () => ctx.credentials.changeEmail(request.memberId, currentPassword, email, writeProfile),
      );
      return ctx.members.me(request.memberId);
    },
  );

  app.get(
    '/members',
    {
      schema: {
        tags: ['members'],
        operationId: 'searchMembers',
        summary: 'Search members',
        querystring: SearchQuery,
        response: { 200: SearchPage, ...errorResponses },
      },
    },
    async (request) => ctx.members.search(request.memberId, request.query),
  );

  app.get(
    '/members/:handle',
    {
      schema: {
        tags: ['members'],
        operationId: 'getMember',
        summary: 'A member with your relationship to them (R24)',
        params: HandleParams,
        response: { 200: Profile, ...errorResponses },
      },
    },
    async (request) => ctx.members.profile(request.memberId, request.params.handle),
  );

  app.get(
    '/suggestions',
    {
      schema: {
        tags: ['members'],
        operationId: 'listSuggestions',
        summary: 'People you may know, most mutual connections first',
        querystring: Type.Object(PageQuery),
        response: { 200: Suggestions, ...errorResponses },
      },
    },
    async (request) => ctx.members.suggestions(request.memberId, request.query),
  );
};
