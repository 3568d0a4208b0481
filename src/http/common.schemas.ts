import { type TSchema, Type } from '@sinclair/typebox';

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    retryAt: Type.Optional(Type.String({ format: 'date-time' })),
    canFollow: Type.Optional(Type.Boolean()),
    reason: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details with a stable `code`' },
);

export const MemberSummary = Type.Object(
  {
    handle: Type.String(),
    name: Type.String(),
    headline: Type.String(),
    company: Type.String(),
    industry: Type.String(),
    location: Type.String(),
  },
  { title: 'MemberSummary' },
);

export const Handle = Type.String({ minLength: 1, maxLength: 60 });
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const HandleParams = Type.Object({ handle: Handle });
export const IdParams = Type.Object({ id: Id });
export const Kind = Type.Union([
  Type.Literal('connection'),
  Type.Literal('page'),
  Type.Literal('event'),
]);

export const PageQuery = {
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(
    Type.String({
      maxLength: 500,
      description:
        'The nextCursor of the page before; taken only by the list and order that gave it out.',
    }),
  ),
};

/** A list that a search narrows: `q` (part of a name, handle, …) and its page. */
export const SearchQuery = Type.Object({
  q: Type.String({ maxLength: 100, default: '' }),
  ...PageQuery,
});

export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  });
}

/** An error answer as Rapport sends every one: problem details, as application/problem+json. */
export function problemResponse(description: string) {
  return { description, content: { 'application/problem+json': { schema: Type.Ref(Problem) } } };
}

/** Error responses every authenticated route can give, for the OpenAPI description. */
export const errorResponses = {
  400: problemResponse('The request is not valid'),
  401: problemResponse('Sign-in required'),
  403: problemResponse('Not allowed'),
  404: problemResponse('Not found'),
  409: problemResponse('Conflict with the current state'),
  413: problemResponse('The request body is larger than 1 MiB'),
  429: problemResponse('Too many requests; retry after Retry-After'),
  503: problemResponse('The database cannot be reached; retry after Retry-After'),
};

export const NoContent = Type.Null({ description: 'No content' });
