import { createPage } from '../../api/endpoints.js';
import { CreateForm } from '../shared/CreateForm.js';

export function CreatePageForm() {
  return (
    <CreateForm
      noun="page"
      title="Create a page"
      create={createPage}
      created={(page) => `${page.name} is ready. You are its admin.`}
    />
  );
}
