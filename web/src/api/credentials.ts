/**
 * The member's email address and password (R25–R27): verification, reset and changes. Like
 * types.ts, every shape comes from the generated description (schema.d.ts).
 */
import { api, call } from './client.js';

/** These pages work signed out: a 401 is an answer to show, not an ended sign-in. */
const noRedirect = { redirectOn401: false };

export const verifyEmail = (token: string) =>
  call(() => api.POST('/api/v1/account/verify-email', { body: { token } }), noRedirect);

export const resendVerification = () => call(() => api.POST('/api/v1/me/email-verification'));

export const requestPasswordReset = (email: string) =>
  call(() => api.POST('/api/v1/account/password-reset', { body: { email } }), noRedirect);

export const confirmPasswordReset = (token: string, password: string) =>
  call(
    () => api.POST('/api/v1/account/password-reset/confirm', { body: { token, password } }),
    noRedirect,
  );

export const changePassword = (currentPassword: string, newPassword: string) =>
  call(() => api.PUT('/api/v1/me/password', { body: { currentPassword, newPassword } }));

export const changeEmail = (email: string, currentPassword: string) =>
  call(() => api.PATCH('/api/v1/me', { body: { email, currentPassword } }));
