import { z } from 'zod'
import { contract, isMethodName, type MethodName, type MethodOutput, type ParsedInput } from '../../shared/contract'
import { AppError, GENERIC_INTERNAL_MESSAGE, type FieldIssue, type Result } from '../../shared/errors'
import type { Actor, CoreEnvironment, HandlerContext, Session } from './context'
import { findActor } from './handlers/session'

export type Handler<M extends MethodName> = (input: ParsedInput<M>, context: HandlerContext) => MethodOutput<M> | Promise<MethodOutput<M>>

/** Every method of the contract must have its handler: the compiler checks the map is complete. */
export type Handlers = { [M in MethodName]: Handler<M> }

export interface DispatcherOptions {
  handlers: Handlers
  environment: CoreEnvironment
  /** Check handlers' results against the contract too (on in tests and development). */
  validateOutput?: boolean
  onInternalError?: (method: string, error: unknown) => void
}

export type Dispatch = (method: unknown, input: unknown, session: Session) => Promise<Result<unknown>>

function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}

function checkAccess(method: MethodName, actor: Actor | null): void {
  const { access } = contract[method]
  if (access === 'public') return
  if (!actor) throw new AppError('NOT_SIGNED_IN', 'Choisissez votre profil pour continuer.')
  if (access === 'admin' && !actor.isAdmin) {
    throw new AppError('FORBIDDEN', "Seul un profil administrateur peut faire cette modification. Demandez-le à l'administrateur de Cap Commune.")
  }
}

/** The one entry point for every call, whatever the transport (IPC or HTTP). */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  const { handlers, environment } = options
  return async (method, input, session) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: "Cette opération n'existe pas dans Cap Commune." } }
    }
    const definition = contract[method]
    try {
      const actor = findActor(environment.db, session)
      checkAccess(method, actor)
      const parsed = definition.input.safeParse(input)
      if (!parsed.success) {
        const issues = toFieldIssues(parsed.error)
        return { ok: false, error: { code: 'INVALID_INPUT', message: issues[0]?.message ?? 'Les informations saisies ne sont pas valides.', issues } }
      }
      const handler = handlers[method] as Handler<MethodName>
      const value = await handler(parsed.data as ParsedInput<MethodName>, { ...environment, session, actor })
      if (options.validateOutput) definition.output.parse(value)
      if (definition.changes) environment.emit('data.changed', { domains: [...definition.changes] })
      return { ok: true, value }
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() }
      options.onInternalError?.(method, error)
      return { ok: false, error: { code: 'INTERNAL', message: GENERIC_INTERNAL_MESSAGE } }
    }
  }
}
