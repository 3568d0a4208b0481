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
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
};

export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  });
}

/** Error responses every authenticated route can give, for the OpenAPI description. */
export const errorResponses = {
  400: Type.Ref(Problem),
  401: Type.Ref(Problem),
  403: Type.Ref(Problem),
  404: Type.Ref(Problem),
  409: Type.Ref(Problem),
  429: Type.Ref(Problem),
};

export const NoContent = Type.Null({ description: 'No content' });
