/**
 * The browser's side of the classroom API: where the server is, JSON calls with a bearer token,
 * answer ids. Small and framework-free; the join page and the projector panel share it. Errors
 * arrive as the one {@link ApiError} the server sends (components/classroom/api-error.ts).
 */

import { ApiError } from './api-error.ts';

export { ApiError } from './api-error.ts';

/** What `/classroom.json` says: the static site ships `{ server: false }`, the classroom server answers its own. */
export interface ClassroomStatus {
  readonly server: boolean;
  readonly joinUrl?: string | null;
}

/**
 * Whether this page is served by the classroom server. The static build holds a
 * `classroom.json` saying no, so the check never requests a missing file (no console error)
 * and never leaves this host.
 */
export async function classroomStatus(base: string): Promise<ClassroomStatus> {
  try {
    const response = await fetch(`${base}classroom.json`, { cache: 'no-store' });
    if (!response.ok) return { server: false };
    const status = (await response.json()) as Partial<ClassroomStatus>;
    return { server: status.server === true, joinUrl: status.joinUrl ?? null };
  } catch {
    return { server: false };
  }
}

/** A JSON call; throws {@link ApiError} for a refused request or an unreachable server. */
export async function api<T>(
  path: string,
  options: { method?: string; body?: unknown; token?: string } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch {
    throw new ApiError(0, 'network', 'The classroom server cannot be reached.');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw ApiError.fromResponse(response.status, body);
  return body as T;
}

/**
 * A fresh answer id: 128 random bits as hex. `crypto.getRandomValues` works on plain http (a
 * laptop on the school network), where `crypto.randomUUID` does not.
 */
export function newAnswerId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export type { ClassroomQuestion } from './classroom-question.ts';
