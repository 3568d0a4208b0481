import swagger from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { requiresNoField } from './input-guard.js';
import { problemResponse } from './common.schemas.js';
import type { App } from './types.js';

const TAGS = [
  { name: 'accounts', description: 'Signing up and in, sessions and personal access tokens' },
  { name: 'members', description: 'Your profile, other members, search and suggestions' },
  { name: 'invitations', description: 'Connection, page and event invitations (R1–R24)' },
  { name: 'connections', description: 'The members you are connected with' },
  { name: 'follows', description: 'Members you follow and who follow you' },
  { name: 'notifications', description: 'In-app notifications' },
  { name: 'settings', description: 'Your invitation policy and email preferences' },
  { name: 'blocks', description: 'Members you have blocked (R20)' },
  { name: 'contacts', description: 'Your imported address book (R8)' },
  { name: 'pages', description: 'Pages, their admins, followers and invitation credits (R21)' },
  { name: 'events', description: 'Events, their organizers, attendees and invitations (R22)' },
  { name: 'insights', description: 'Figures about your invitations and network' },
  { name: 'email', description: 'Links in the email Rapport sends' },
  { name: 'webhooks', description: 'Your webhooks and their delivery log (R35)' },
  { name: 'admin', description: 'Moderation and invite codes, for admins only (R31, R32)' },
  { name: 'instance', description: 'The instance: its registration mode and rule numbers (R31)' },
];

interface QuerySchema {
  properties?: Record<string, { default?: unknown }>;
  required?: string[];
}

/** A query schema that lists both its properties and the required ones. */
function isQuerySchema(value: unknown): value is Required<QuerySchema> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'required' in value &&
    Array.isArray(value.required) &&
    'properties' in value &&
    typeof value.properties === 'object' &&
    value.properties !== null
  );
}

/**
 * A query parameter with a default is filled in by validation, so the handler's type says it is
 * always there; callers may still leave it out, and the description says so.
 */
function optionalDefaults(schema: FastifySchema): FastifySchema {
  const query = schema.querystring;
  if (!isQuerySchema(query)) return schema;
  const properties = query.properties;
  const required = query.required.filter((name) => properties[name]?.default === undefined);
  return { ...schema, querystring: { ...query, required } };
}

/** A route that takes a body answers one in a media type it does not read with 415. */
function refusesOtherMediaTypes(schema: FastifySchema): FastifySchema {
  const response = schema.response;
  if (schema.body === undefined || typeof response !== 'object' || response === null) return schema;
  const refusal = problemResponse('The body is not in a media type this operation reads');
  return { ...schema, response: { ...response, 415: refusal } };
}

interface BodySchema {
  type?: string;
  minLength?: number;
  anyOf?: BodySchema[];
}

interface Operation {
  requestBody?: { required?: boolean; content: Record<string, { schema?: BodySchema }> };
}

/** An operation with a request body, whose media types (if listed) are an object. */
function hasRequestBody(operation: unknown): operation is Required<Operation> {
  return (
    typeof operation === 'object' &&
    operation !== null &&
    'requestBody' in operation &&
    typeof operation.requestBody === 'object' &&
    operation.requestBody !== null &&
    (!('content' in operation.requestBody) ||
      (typeof operation.requestBody.content === 'object' && operation.requestBody.content !== null))
  );
}

/**
 * Whether an empty body passes the schema: what it parses to (null from JSON, '' otherwise), or,
 * as JSON, the `{}` it stands for where the schema requires no field (input-guard.ts).
 */
function acceptsEmpty(schema: BodySchema | undefined, json: boolean): boolean {
  if (!schema) return false;
  if (json && (schema.type === 'null' || requiresNoField(schema))) return true;
  if (!json && schema.type === 'string' && !schema.minLength) return true;
  return schema.anyOf?.some((option) => acceptsEmpty(option, json)) ?? false;
}

/** A body that may be empty may also be left out, which the description states by not requiring it. */
function optionalEmptyBodies<T extends { paths?: object }>(document: T): T {
  const paths = document.paths ?? {};
  for (const path of Object.keys(paths)) {
    const item: unknown = Reflect.get(paths, path);
    if (typeof item !== 'object' || item === null) continue;
    for (const method of Object.keys(item)) {
      const operation: unknown = Reflect.get(item, method);
      if (!hasRequestBody(operation)) continue;
      const body = operation.requestBody;
      const media = Object.entries(body.content ?? {});
      if (media.every(([type, { schema }]) => acceptsEmpty(schema, type.endsWith('json')))) {
        body.required = false;
      }
    }
  }
  return document;
}

/** The OpenAPI description that /api/v1/openapi.json serves, built from the route schemas. */
export async function registerOpenApi(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rapport API',
        version: '1.0.0',
        description:
          'Members, connections and invitations. Errors are RFC 9457 problem details with a stable `code`.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: '/' }],
      tags: TAGS,
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'A personal access token from POST /api/v1/me/tokens',
          },
          cookie: { type: 'apiKey', in: 'cookie', name: 'rapport_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: ({ schema, url }) => ({
      schema: schema && refusesOtherMediaTypes(optionalDefaults(schema)),
      url,
    }),
    transformObject: (document) =>
      'openapiObject' in document
        ? optionalEmptyBodies(document.openapiObject)
        : document.swaggerObject,
    // Shared schemas are named by their $id in components.schemas, and so in generated clients.
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });
}
