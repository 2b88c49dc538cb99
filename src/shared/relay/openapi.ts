/** The OpenAPI 3.1 document of the relay's API, generated from the zod schemas of api.ts (never written by hand). */
import { z } from 'zod'
import { errorSchema, RELAY_API_VERSION, relayApi, type RelayEndpoint } from './api'

type JsonSchema = Record<string, unknown>

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema
  return rest
}

function parameters(endpoint: RelayEndpoint): JsonSchema[] {
  const path = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }))
  if (!endpoint.query) return path
  const query = jsonSchema(endpoint.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] }
  return [
    ...path,
    ...Object.entries(query.properties ?? {}).map(([name, schema]) => ({
      name,
      in: 'query',
      required: query.required?.includes(name) ?? false,
      schema,
    })),
  ]
}

export function relayOpenApi(serverUrl?: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {}
  const error = { description: 'Erreur (message en français)', content: { 'application/json': { schema: jsonSchema(errorSchema, 'output') } } }
  for (const [name, endpoint] of Object.entries(relayApi) as [string, RelayEndpoint][]) {
    const operation: JsonSchema = {
      operationId: name,
      summary: endpoint.summary,
      parameters: parameters(endpoint),
      responses: {
        200:
          endpoint.response === 'image'
            ? { description: 'Image', content: { 'image/jpeg': { schema: { type: 'string', format: 'binary' } } } }
            : { description: 'Réponse', content: { 'application/json': { schema: jsonSchema(endpoint.response, 'output') } } },
        400: error,
        ...(endpoint.auth ? { 401: error, 404: error } : {}),
        413: error,
        429: error,
      },
    }
    if (endpoint.auth) operation.security = [{ jetonCommune: [] }]
    if (endpoint.body) {
      operation.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(endpoint.body, 'input') } } }
    }
    ;(paths[endpoint.path] ??= {})[endpoint.method] = operation
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Relais Cap Commune',
      version: String(RELAY_API_VERSION),
      description: 'API de synchronisation entre l’application de bureau d’une mairie et son portail citoyen.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: { securitySchemes: { jetonCommune: { type: 'http', scheme: 'bearer' } } },
    paths,
  }
}
