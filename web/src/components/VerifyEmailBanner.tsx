import { useMutation } from '@tanstack/react-query';
import type { Me } from '../api/types.js';
import { resendVerification } from '../api/credentials.js';
import { describeError } from '../api/problem-messages.js';
import { useInstance } from '../api/queries.js';
import { BusyButton } from './BusyButton.js';
import { focusIfLost } from './focus-if-lost.js';

/** R25: tells an unverified member where the link went, and sends a new one on request. */
export function VerifyEmailBanner({ me }: { me: Me }) {
  const instance = useInstance();
  if (me.emailVerified) return null;
  return (
    <section className="notice notice-warning verify-banner" aria-label="Email verification">
      <p>
        Please verify your email address by following the link we sent to{' '}
        <strong>{me.email}</strong>.
        {instance.data?.requireVerifiedEmail &&
          ' Until then you cannot send invitations, and we send you no other email.'}
      </p>
      <NewVerificationLink />
    </section>
  );
}

/** R25: mails a new verification link, then says so where the button was. */
export function NewVerificationLink() {
  const resend = useMutation({ mutationFn: resendVerification });
  return (
    <>
      {resend.isSuccess ? (
        // The button leaves once the link is sent; the keyboard that was on it lands on the news.
        <p role="status" tabIndex={-1} ref={focusIfLost}>
          We sent a new link. It works for 24 hours.
        </p>
      ) : (
        <BusyButton
          className="button button-small"
          busy={resend.isPending}
          onClick={() => resend.mutate()}
        >
          {resend.isPending ? 'Sending…' : 'Send a new link'}
        </BusyButton>
      )}
      {resend.isError && (
        <p role="alert" className="error-note">
          {describeError(resend.error)}
        </p>
      )}
    </>
  );
}
