export interface GraphQLResponse<TData = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: TData | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

/** Posts GraphQL over real HTTP the way a browser client would (JSON body, CSRF-safe content type). */
export function graphqlClient(url: string, defaultHeaders: Record<string, string> = {}) {
  return async function request<TData = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<TData>> {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...defaultHeaders, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: GraphQLResponse<TData>["body"];
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`Non-JSON response (${response.status}) from ${url}: ${text.slice(0, 200)}`);
    }
    return { status: response.status, headers: response.headers, body };
  };
}
