import type { Json } from './buyer-client';

export function kitmall(baseUrl: string, apiKey = 'kitmall-demo-key') {
  return async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: Json }> => {
    const response = await fetch(`${baseUrl}/kitmall/api/v1${path}`, {
      method,
      headers: {
        'x-api-key': apiKey,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

    return { status: response.status, json: await response.json() };
  };
}
