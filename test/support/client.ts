import { checkAnswer } from './answer-check.ts';

/** An answer as the tests look at it: status, headers, the body as text and (when it is JSON) parsed. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export interface CallInit {
  /** The bearer token; undefined: the default (admin) token; null: none. */
  token?: string | null;
  body?: unknown;
  type?: string;
  headers?: Record<string, string>;
}

/**
 * Calls an API as a client would, over any transport (app.request in process, fetch over a real
 * connection): JSON bodies are serialised, a string body is sent as is; a success JSON answer must
 * match the response schema of its operation, or the test fails.
 */
export function jsonClient(
  send: (path: string, init: RequestInit) => Promise<Response>,
  defaultToken: string,
) {
  return async function call(method: string, path: string, init: CallInit = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...init.headers };
    const token = init.token === undefined ? defaultToken : init.token;
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (init.body !== undefined) {
      // Bytes as they are (a roster as Excel saved it), text as it is, anything else as JSON.
      body =
        init.body instanceof Uint8Array
          ? new Uint8Array(init.body)
          : typeof init.body === 'string'
            ? init.body
            : JSON.stringify(init.body);
      headers['content-type'] = init.type ?? 'application/json';
    }
    const res = await send(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const answer = { status: res.status, headers: res.headers, text, json };
    checkAnswer(method, path, answer);
    return answer;
  };
}
