/**
 * Graph's error shape. Handlers throw a GraphError; the dispatcher turns it into
 * `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}` with the request's ids.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

export const errorBody = (
  code: string,
  message: string,
  requestId: string,
  clientRequestId: string,
): GraphErrorBody => ({
  error: {
    code,
    message,
    innerError: {
      date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
      'request-id': requestId,
      'client-request-id': clientRequestId,
    },
  },
});

export const badRequest = (message: string, code = 'BadRequest'): GraphError => new GraphError(400, code, message);
export const notFound = (message: string, code = 'itemNotFound'): GraphError => new GraphError(404, code, message);
export const forbidden = (message: string, code = 'Forbidden'): GraphError => new GraphError(403, code, message);
