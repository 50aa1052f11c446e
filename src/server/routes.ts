/**
 * The API's one declarative route table. Each entry names its method, path, parameters (with schemas,
 * defaults and bounds), response schema and a thin handler over the programmatic API and queries.ts.
 * app.ts registers the hono routes from it; openapi.ts writes /openapi.json from it. Handlers are
 * type-checked against the response schema's type, so the document describes what they return.
 * The building blocks are in route-kit.ts, the shared schemas in route-shared.ts, the routes in
 * routes-read.ts and routes-export.ts.
 */
import type { AnyRoute } from './route-kit.js';
import { READ_ROUTES } from './routes-read.js';
import { EXPORT_ROUTES } from './routes-export.js';

export { ApiError, ERROR_CODES, ErrorSchema, pathParams, type AnyRoute, type ApiErrorCode, type RouteContext } from './route-kit.js';

export const ROUTES: AnyRoute[] = [...READ_ROUTES, ...EXPORT_ROUTES];
