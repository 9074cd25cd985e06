import { OPERATIONS, type Operation } from './operations.ts';
import { RESPONSE_SCHEMAS, responseComponent } from './responses.ts';
import { COMMON_SCHEMA, SCHEMAS } from './schemas.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('problem') } },
});

/** The success answer: its schema, under the media type the schema names (JSON unless it says otherwise). */
function success(op: Operation) {
  // Typed as required; a table built elsewhere (a test's) may still lack it, and must show as such.
  if (!op.response) return { description: 'OK' };
  const schema = RESPONSE_SCHEMAS[op.response] as { title: string; contentMediaType?: string };
  return {
    description: schema.title,
    content: {
      [schema.contentMediaType ?? 'application/json']: {
        schema: ref(responseComponent(op.response)),
      },
    },
  };
}

/** The OpenAPI 3.1 document, built from the JSON Schemas of schemas/ and the operation table. */
export function openApiDocument(version: string, operations: readonly Operation[] = OPERATIONS) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const params: Record<string, unknown>[] = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (op.ifMatch)
      params.push({
        name: 'If-Match',
        in: 'header',
        required: !op.ifMatchOptional,
        schema: { type: 'string' },
        description: `The ${op.ifMatch}'s version (ETag) the edit is based on`,
      });
    const content: Record<string, unknown> = {};
    if (op.body) content['application/json'] = { schema: ref(op.body) };
    if (op.csv)
      content['text/csv'] = {
        schema: {
          type: 'string',
          description: 'Header name,email,skills,position,remoteAccess; skills separated by ;',
        },
      };
    if (op.slackSigned) {
      content['application/x-www-form-urlencoded'] = {
        schema: {
          type: 'object',
          description: "Slack's slash command form; bunsan reads user_id and text",
          properties: {
            user_id: { type: 'string', description: 'The Slack user who typed the command' },
            text: { type: 'string', description: 'What followed /bunsan: 今日, 予定, help' },
          },
        },
      };
      params.push(
        {
          name: 'X-Slack-Request-Timestamp',
          in: 'header',
          required: true,
          schema: { type: 'string' },
          description: 'Seconds since the epoch; refused when over 5 minutes from now',
        },
        {
          name: 'X-Slack-Signature',
          in: 'header',
          required: true,
          schema: { type: 'string' },
          description:
            'v0= and the hex HMAC-SHA256 of v0:{timestamp}:{body} with the signing secret',
        },
      );
    }
    const responses: Record<string, unknown> = {
      [op.created ? '201' : '200']: success(op),
    };
    if (op.slackSigned)
      Object.assign(responses, {
        401: problem('Not signed by Slack: the signature is missing, stale or wrong'),
        413: problem('Body over 16 KiB'),
      });
    if (op.roles !== 'public')
      Object.assign(responses, {
        401: problem('No or unknown token'),
        403: problem('Role or scope does not allow it'),
      });
    if (op.ifMatch)
      Object.assign(responses, {
        412: problem(`The ${op.ifMatch} changed since it was read`),
        ...(op.ifMatchOptional ? {} : { 428: problem('If-Match is missing') }),
      });
    if (op.body)
      Object.assign(responses, {
        400: problem('Malformed body'),
        413: problem('Body over 1 MiB'),
        415: problem('Wrong content type'),
        422: problem('Invalid fields'),
      });
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      ...(op.roles === 'public' ? { security: [] } : { 'x-roles': op.roles }),
      ...(params.length ? { parameters: params } : {}),
      ...(op.body || op.slackSigned ? { requestBody: { required: true, content } } : {}),
      responses,
    };
  }
  const schemas: Record<string, unknown> = { common: COMMON_SCHEMA };
  for (const [name, s] of Object.entries(SCHEMAS)) schemas[name] = s;
  for (const [name, s] of Object.entries(RESPONSE_SCHEMAS))
    schemas[responseComponent(name as keyof typeof RESPONSE_SCHEMAS)] = s;
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: { title: 'bunsan', version, description: 'Business-continuity team rotation scheduler.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas },
  };
}
