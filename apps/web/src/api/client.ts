import { type ErrorCode, ErrorEnvelope, type FieldIssue } from "@voronka/contract";
import { clientMessages, serverErrorMessage } from "./messages.ts";

/**
 * What the client needs from a contract schema. Every zod schema fits, so the web app parses
 * with the contract's own schemas without depending on zod itself.
 */
export interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/** A failed API call, carrying the server's error code and a message fit to show a user. */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly requestId?: string,
    readonly details?: FieldIssue[],
  ) {
    super(message);
  }
}

const text = clientMessages();

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/**
 * Calls `listener` whenever any request answers 401 `unauthenticated` (the session expired or
 * was revoked), so the app can send the user back to the sign-in page. Returns an unsubscribe.
 */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Sends a request that answers with a body, parsed with `schema`. */
export async function request<T>(
  method: Method,
  path: string,
  schema: Schema<T>,
  body?: unknown,
): Promise<T> {
  const response = await send(method, path, body);
  const data: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new ApiError(response.status, "internal", text.badResponse);
  }
  return parsed.data;
}

/** Sends a request that answers with no body (204). */
export async function requestNoContent(method: Method, path: string, body?: unknown) {
  await send(method, path, body);
}

/** Sends a CSV file as the raw body (`text/csv`) and parses the answer with `schema`. */
export async function requestCsv<T>(path: string, schema: Schema<T>, csv: string): Promise<T> {
  return request("POST", path, schema, new CsvBody(csv));
}

/** Marks a body to be sent as it is, not as JSON. */
class CsvBody {
  constructor(readonly text: string) {}
}

async function send(method: Method, path: string, body: unknown): Promise<Response> {
  const init: RequestInit = {
    method,
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  };
  if (body instanceof CsvBody) {
    init.headers = { ...init.headers, "Content-Type": "text/csv; charset=utf-8" };
    init.body = body.text;
  } else if (body !== undefined) {
    init.headers = { ...init.headers, "Content-Type": "application/json" };
    init.body = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, "unavailable", text.unreachable);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  const data: unknown = await response.json().catch(() => undefined);
  const envelope = ErrorEnvelope.safeParse(data);
  const error = envelope.success
    ? new ApiError(
        response.status,
        envelope.data.error.code,
        serverErrorMessage(envelope.data.error.code, envelope.data.error.message),
        envelope.data.error.requestId,
        envelope.data.error.details,
      )
    : response.status >= 502 && response.status <= 504
      ? // A proxy in front of Voronka (or Vite's dev proxy) answering for a server that is down.
        new ApiError(response.status, "unavailable", text.unreachable)
      : new ApiError(
          response.status,
          response.status >= 500 ? "internal" : "bad_request",
          text.status(response.status, response.statusText),
        );
  if (error.code === "unauthenticated") {
    for (const listener of unauthenticatedListeners) listener();
  }
  return error;
}

/** A message to show for any thrown value, preferring the server's own words. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return text.unknown;
}
