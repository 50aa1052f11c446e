/**
 * The OpenAPI 3.1 document, written from the route table (routes.ts) — the same list the app registers —
 * so every served path, parameter and response schema appears here and nothing else does.
 */
import { ERROR_CODES, ErrorSchema, ROUTES, pathParams, type AnyRoute } from './routes.js';
import { COMPONENTS, type JsonSchema } from './schema.js';

function operation(r: AnyRoute): JsonSchema {
  const inPath = new Set(pathParams(r.path));
  const parameters = Object.entries(r.params).map(([name, p]) => ({
    name,
    in: inPath.has(name) ? 'path' : 'query',
    required: inPath.has(name) || Boolean(p.required),
    description: p.description,
    schema: p.default === undefined ? p.schema.json : { ...p.schema.json, default: p.default },
  }));
  const op: JsonSchema = {
    operationId: r.operationId,
    summary: r.summary,
    tags: [r.tag],
    parameters,
    responses: {
      '200': {
        description: r.summary,
        content: { [r.contentType ?? 'application/json']: { schema: r.response.json } },
      },
      default: {
        description: `Error; codes: ${ERROR_CODES.join(', ')}`,
        content: { 'application/json': { schema: ErrorSchema.json } },
      },
    },
  };
  if (r.description) op.description = r.description;
  if (r.body) {
    op.requestBody = {
      required: true,
      description: r.body.description,
      content: Object.fromEntries(r.body.contentTypes.map((t) => [t, { schema: t === 'multipart/form-data' ? { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } : { type: 'string', format: 'binary' } }])),
    };
  }
  return op;
}

export function openApiDocument(routes: AnyRoute[] = ROUTES): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = operation(r);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'dateline',
      version: '0.1.0',
      description:
        'Offline news intelligence: articles with entities, dates, quotes, counts and events, each a span into the immutable article text. Every list is paged (limit/offset, total). Errors answer {error:{code,message}}.',
    },
    paths,
    components: { schemas: Object.fromEntries(COMPONENTS) },
  };
}
