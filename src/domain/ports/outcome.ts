/**
 * Expected outcomes of talking to the outside world are values, not exceptions.
 * Bugs are exceptions. Retries live only in the Graph adapter; what reaches the domain is final.
 */
export type FailureKind =
  | 'throttled' // 429 after the adapter's bounded retries
  | 'failed' // 5xx, timeout, dropped connection, or any other refusal
  | 'notFound' // 404
  | 'forbidden' // 403: a permission the tenant has not granted
  | 'unauthorized' // 401: sign in again
  | 'invalid' // 400: Graph refused the request as malformed (a bug or bad input)
  | 'blocked'; // the privacy guard stopped it before it left

export interface Failure {
  ok: false;
  kind: FailureKind;
  /** HTTP status when there was one. */
  status: number | null;
  /** Graph's error code (e.g. "ErrorItemNotFound"), or the guard's problem code. */
  code: string;
  message: string;
  /** For throttled: when the caller may try again. */
  retryAfterMs?: number;
}

export interface Success<T> {
  ok: true;
  value: T;
}

export type Outcome<T> = Success<T> | Failure;

export const success = <T>(value: T): Success<T> => ({ ok: true, value });
export const failure = (
  kind: FailureKind,
  code: string,
  message: string,
  status: number | null = null,
  retryAfterMs?: number,
): Failure => ({ ok: false, kind, status, code, message, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
