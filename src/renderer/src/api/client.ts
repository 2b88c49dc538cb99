import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '@shared/contract'
import type { AppErrorShape } from '@shared/errors'
import { createTransport, type Transport } from './transport'

/** A failed call, carrying the French message to show and the fields at fault. */
export class ApiError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message)
    this.name = 'ApiError'
  }
  get code() {
    return this.shape.code
  }
  get issues() {
    return this.shape.issues ?? []
  }
}

let transport: Transport | null = null
function current(): Transport {
  return (transport ??= createTransport())
}

export function transportKind(): Transport['kind'] {
  return current().kind
}

export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await current().invoke(method, input)
  if (!result.ok) throw new ApiError(result.error)
  return result.value as MethodOutput<M>
}

export function onEvent<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void {
  return current().on(event, callback)
}

/** The message to show for any error thrown by a call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return "Une erreur inattendue s'est produite. Réessayez."
}
