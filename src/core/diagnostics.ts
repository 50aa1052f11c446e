/**
 * A diagnostic reports bad or surprising *content*: the batch goes on, the user is told where.
 * `where` names the file and, when known, the line or record (1-based) so a user can find it.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Where {
  file?: string;
  line?: number;
  record?: number;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. `INGEST_NOT_JSON`. */
  code: string;
  message: string;
  where?: Where;
  /** Component that raised it, when it came from the pipeline. */
  component?: string;
}

export function formatWhere(where: Where | undefined): string {
  if (!where?.file) return '';
  let out = where.file;
  if (where.line !== undefined) out += `:${where.line}`;
  if (where.record !== undefined) out += ` (record ${where.record})`;
  return out;
}

export function formatDiagnostic(d: Diagnostic): string {
  const at = formatWhere(d.where);
  return `${d.severity}${at ? ` ${at}` : ''}: ${d.message} [${d.code}]`;
}
