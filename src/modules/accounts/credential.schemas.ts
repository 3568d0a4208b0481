import { Type } from '@sinclair/typebox';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.policy.js';

/**
 * A new password. Its policy (R27) is checked by the server, which answers `400 weak_password`
 * with a `reason`; the bound here only keeps absurd input away from the password hash.
 */
export const NewPassword = Type.String({
  minLength: 1,
  maxLength: 1024,
  description: `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, not among the 10,000 most common passwords, without your handle or email name (R27)`,
});

export const CurrentPassword = Type.String({ minLength: 1, maxLength: 1024 });

const LinkToken = Type.String({
  minLength: 1,
  maxLength: 200,
  description: 'The token from the link in the email',
});

export const VerifyEmailBody = Type.Object({ token: LinkToken }, { additionalProperties: false });

export const EmailVerified = Type.Object({
  email: Type.String(),
  emailVerified: Type.Literal(true),
});

export const VerificationRequested = Type.Object({
  emailVerified: Type.Boolean({
    description: 'true when the address was verified already, and no mail was sent',
  }),
});

export const PasswordResetBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }) },
  { additionalProperties: false },
);

export const PasswordResetRequested = Type.Object({
  message: Type.String({ description: 'The same whether or not an account has this address' }),
});

export const PasswordResetConfirmBody = Type.Object(
  { token: LinkToken, password: NewPassword },
  { additionalProperties: false },
);

export const PasswordChangeBody = Type.Object(
  { currentPassword: CurrentPassword, newPassword: NewPassword },
  { additionalProperties: false },
);
