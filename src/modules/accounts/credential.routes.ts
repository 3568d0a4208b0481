import { errorResponses, NoContent } from '../../http/common.schemas.js';
import type { AuthHook, RoutesPlugin } from '../../http/types.js';
import {
  EmailVerified,
  PasswordChangeBody,
  PasswordResetBody,
  PasswordResetConfirmBody,
  PasswordResetRequested,
  VerificationRequested,
  VerifyEmailBody,
} from './credential.schemas.js';

const RESET_REQUESTED =
  'If an account exists for this address, we sent it a link to choose a new password. The link works for 60 minutes.';

/** R25–R27: verifying the email, resetting a forgotten password, changing the password. */
export const credentialRoutes =
  (auth: AuthHook): RoutesPlugin =>
  (ctx) =>
  (app) => {
    app.post(
      '/account/verify-email',
      {
        schema: {
          tags: ['accounts'],
          operationId: 'verifyEmail',
          security: [],
          summary: 'Verify your email address with the token from the mailed link (R25)',
          body: VerifyEmailBody,
          response: { 200: EmailVerified, ...errorResponses },
        },
      },
      async (request) => ctx.credentials.verifyEmail(request.body.token),
    );

    app.post(
      '/me/email-verification',
      {
        onRequest: auth,
        config: { rateLimit: 'verificationMail' },
        schema: {
          tags: ['accounts'],
          operationId: 'resendEmailVerification',
          summary: 'Mail a new verification link to your address (R25)',
          response: { 202: VerificationRequested, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await ctx.credentials.resendVerification(request.memberId)),
    );

    app.post(
      '/account/password-reset',
      {
        config: { rateLimit: ['passwordReset', 'passwordResetMail'] },
        schema: {
          tags: ['accounts'],
          operationId: 'requestPasswordReset',
          security: [],
          summary:
            'Mail a password reset link; the answer is the same whether or not the account exists (R26)',
          body: PasswordResetBody,
          response: { 202: PasswordResetRequested, ...errorResponses },
        },
      },
      async (request, reply) => {
        await ctx.credentials.requestPasswordReset(request.body.email);
        return reply.status(202).send({ message: RESET_REQUESTED });
      },
    );

    app.post(
      '/account/password-reset/confirm',
      {
        schema: {
          tags: ['accounts'],
          operationId: 'confirmPasswordReset',
          security: [],
          summary:
            'Set a new password with the token from the mailed link; ends every session (R26)',
          body: PasswordResetConfirmBody,
          response: { 204: NoContent, ...errorResponses },
        },
      },
      async (request, reply) => {
        await ctx.credentials.confirmPasswordReset(request.body.token, request.body.password);
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/me/password',
      {
        onRequest: auth,
        schema: {
          tags: ['accounts'],
          operationId: 'changePassword',
          summary: 'Change your password; every other session ends (R27)',
          body: PasswordChangeBody,
          response: { 204: NoContent, ...errorResponses },
        },
      },
      async (request, reply) => {
        await app.signInLimit.guard(
          request.ip,
          { memberId: request.memberId },
          'wrong_password',
          () =>
            ctx.credentials.changePassword(
              request.memberId,
              request.sessionId,
              request.body.currentPassword,
              request.body.newPassword,
            ),
        );
        return reply.status(204).send(null);
      },
    );
  };
