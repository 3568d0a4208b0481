import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../api/problem-messages.js';
import { refreshAfterChange } from '../../api/queries.js';
import { BusyButton } from '../../components/BusyButton.js';
import { ErrorNote } from '../../components/Status.js';
import { TextField } from '../../components/TextField.js';
import { useToasts } from '../../components/Toasts.js';

const NAME_MAX = 100;
const DESCRIPTION_MAX = 2000;

/** What every page and event is made with; an event adds its own fields. */
export interface NameAndDescription {
  name: string;
  description?: string;
}

type Create<T> = (fields: NameAndDescription) => Promise<T>;

interface CreateFormProps<T> {
  noun: 'page' | 'event';
  title: string;
  /** Sends the form; null while the fields in `children` are missing or refused. */
  create: Create<T> | null;
  /** The field in `children` to fix while `create` is null. */
  fixFirst?: string;
  /** The toast once it exists. */
  created: (made: T) => string;
  /** Fields between the name and the description. */
  children?: ReactNode;
}

/** Names and describes a new page or event, creates it, then opens it. */
export function CreateForm<T extends { id: string; name: string }>(props: CreateFormProps<T>) {
  const { noun, title, create, created, fixFirst, children } = props;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [name, setName] = useState('');
  // Only spaces pass the input's own `required`; the name is checked again on submit.
  const [nameBlank, setNameBlank] = useState(false);
  const [description, setDescription] = useState('');

  const mutation = useMutation({
    mutationFn: (send: Create<T>) =>
      send({ name: name.trim(), description: description.trim() || undefined }),
    onSuccess: (made) => {
      toasts.show({ message: created(made) });
      void refreshAfterChange(queryClient);
      void navigate(`/${noun}s/${encodeURIComponent(made.id)}`);
    },
  });

  // The submit button stays usable: a disabled one leaves the Tab order and says nothing of
  // what is missing. The browser points at an empty or out-of-range field; this at the rest.
  function submit(event: FormEvent) {
    event.preventDefault();
    const blank = !name.trim();
    setNameBlank(blank);
    if (blank) document.getElementById(`${noun}-name`)?.focus();
    else if (!create) document.getElementById(fixFirst ?? '')?.focus();
    else mutation.mutate(create);
  }

  return (
    <section className="card" aria-labelledby={`create-${noun}-title`}>
      <h2 id={`create-${noun}-title`} className="card-title">
        {title}
      </h2>
      <form className="form" onSubmit={submit}>
        <TextField
          id={`${noun}-name`}
          label="Name"
          required
          maxLength={NAME_MAX}
          value={name}
          invalid={nameBlank}
          hint={nameBlank ? `Give the ${noun} a name.` : undefined}
          onChange={(event) => {
            setName(event.target.value);
            if (event.target.value.trim()) setNameBlank(false);
          }}
        />
        {children}
        <div className="field">
          <label htmlFor={`${noun}-description`}>What is it about? (optional)</label>
          <textarea
            id={`${noun}-description`}
            rows={3}
            maxLength={DESCRIPTION_MAX}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        {mutation.isError && <ErrorNote>{describeError(mutation.error)}</ErrorNote>}
        <div>
          <BusyButton type="submit" className="button button-primary" busy={mutation.isPending}>
            {mutation.isPending ? 'Creating…' : `Create ${noun}`}
          </BusyButton>
        </div>
      </form>
    </section>
  );
}
