/**
 * The typed client of the 颐养 Yiyang API, generated from its OpenAPI document (openapi.json beside this
 * package). Paths, parameters, bodies and answers are checked by the compiler: a field the API does not
 * have does not compile. The staff console and a mini-program back end import it as `@yiyang/api-client`.
 *
 *   const api = createApiClient({ baseUrl: "http://localhost:8080", token: () => session.accessToken });
 *   const { data, error } = await api.GET("/v1/meal-points");
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";

/** Every schema of the document by name, e.g. `Schemas["MealOrder"]`. */
export type Schemas = components["schemas"];

/** An RFC 9457 problem: a stable `code` and a plain-Chinese `userMessage` to show the person. */
export type Problem = Schemas["ProblemResponses.Problem"];

export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** Where the API is, e.g. `http://localhost:8080` or the deployment's API Gateway URL. */
  baseUrl: string;
  /** The access token to send as `Authorization: Bearer …`, read on every request (tokens last 15 minutes). */
  token?: () => string | undefined | Promise<string | undefined>;
  /** A fetch to use instead of the global one (tests, proxies). */
  fetch?: typeof globalThis.fetch;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  const token = options.token;
  if (token) {
    const bearer: Middleware = {
      async onRequest({ request }) {
        const value = await token();
        if (value) {
          request.headers.set("Authorization", `Bearer ${value}`);
        }
        return request;
      },
    };
    client.use(bearer);
  }
  return client;
}

/**
 * A fresh Idempotency-Key for a request that creates or moves something. Keep it with the request and send
 * the same key again when retrying (a 503, a 409 IDEMPOTENCY_IN_PROGRESS, a lost answer): it is done once.
 */
export function newIdempotencyKey(prefix = "client"): string {
  return `${prefix}-${globalThis.crypto.randomUUID()}`;
}
