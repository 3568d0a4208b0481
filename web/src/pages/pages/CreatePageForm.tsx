import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createPage } from '../../api/endpoints.js';
import { describeError } from '../../api/problem-messages.js';
import { refreshAfterChange } from '../../api/queries.js';
import { ErrorNote } from '../../components/Status.js';
import { useToasts } from '../../components/Toasts.js';

const NAME_MAX = 100;
const DESCRIPTION_MAX = 2000;

export function CreatePageForm() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');

  const create = useMutation({
    mutationFn: () =>
      createPage({ name: name.trim(), description: description.trim() || undefined }),
    onSuccess: (page) => {
      toasts.show({ message: `${page.name} is ready. You are its admin.` });
      void refreshAfterChange(queryClient);
      navigate(`/pages/${encodeURIComponent(page.id)}`);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim()) create.mutate();
  }

  return (
    <section className="card" aria-labelledby="create-page-title">
      <h2 id="create-page-title" className="card-title">
        Create a page
      </h2>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="page-name">Name</label>
          <input
            id="page-name"
            required
            maxLength={NAME_MAX}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="page-description">What is it about? (optional)</label>
          <textarea
            id="page-description"
            rows={3}
            maxLength={DESCRIPTION_MAX}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        {create.isError && <ErrorNote>{describeError(create.error)}</ErrorNote>}
        <div>
          <button
            type="submit"
            className="button button-primary"
            disabled={!name.trim() || create.isPending}
          >
            {create.isPending ? 'Creating…' : 'Create page'}
          </button>
        </div>
      </form>
    </section>
  );
}
