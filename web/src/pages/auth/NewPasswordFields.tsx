import { TextField } from '../../components/TextField.js';
import { PASSWORD_POLICY } from '../../lib/password-policy.js';

interface NewPasswordFieldsProps {
  /** Put before the fields' ids, so two forms on one page keep theirs apart. */
  idPrefix?: string;
  password: string;
  repeat: string;
  /** The two were found different when the form was sent. */
  mismatch: boolean;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
}

/** R27: a new password with the policy said beside it, typed twice. */
export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const { idPrefix = '', password, repeat, mismatch, onPassword, onRepeat } = props;
  return (
    <>
      <TextField
        id={`${idPrefix}new-password`}
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={256}
        hint={PASSWORD_POLICY}
        value={password}
        onChange={(event) => onPassword(event.target.value)}
      />
      <TextField
        id={`${idPrefix}repeat-password`}
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        required
        invalid={mismatch}
        hint={mismatch ? 'The two passwords are not the same.' : undefined}
        value={repeat}
        onChange={(event) => onRepeat(event.target.value)}
      />
    </>
  );
}
