/**
 * Programmer and configuration errors. They fail fast with a stable code.
 * Bad *content* never throws: it yields an empty layer plus a Diagnostic (see diagnostics.ts).
 */
export const ErrorCodes = {
  PIPELINE_DUPLICATE_COMPONENT: 'Two components share the name {name}.',
  PIPELINE_MISSING_REQUIREMENT: "Component '{name}' requires layer '{layer}', which no earlier component assigns.",
  PIPELINE_DOUBLE_ASSIGN: "Layer '{layer}' is assigned by both '{first}' and '{second}'.",
  PIPELINE_BAD_OUTPUT: "Component '{name}' returned layer '{layer}', which it does not declare in 'assigns'.",
  PIPELINE_MISSING_OUTPUT: "Component '{name}' did not return its declared layer '{layer}'.",
  PIPELINE_UNKNOWN_COMPONENT: "No component named '{name}' is registered.",
  STORE_MIGRATION: 'Database {path} is at schema version {found}, newer than this dateline ({known}).',
  STORE_OPEN: 'Cannot open database {path}: {reason}',
  USAGE: '{message}',
  EVAL_INPUT: '{message}',
  MODEL_LOAD: 'Cannot load model {path}: {reason}',
  SERVE_LISTEN: 'Cannot listen on {address}: {reason}',
  STORE_BUSY: 'The database {path} stayed locked by another writer for {seconds} s; {committed} article(s) of this run were committed before it gave up. Retry when the other writer is done.',
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export class DatelineError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, string | number>;

  constructor(code: ErrorCode, details: Record<string, string | number> = {}, options?: { cause?: unknown }) {
    const template: string = ErrorCodes[code];
    const message = template.replace(/\{(\w+)\}/g, (_m, key: string) => String(details[key] ?? `{${key}}`));
    super(`[${code}] ${message}`, options);
    this.name = 'DatelineError';
    this.code = code;
    this.details = details;
  }
}

export function isDatelineError(error: unknown): error is DatelineError {
  return error instanceof DatelineError;
}
