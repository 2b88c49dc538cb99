import { z } from 'zod'
import { contract, isMethodName, type MethodName, type ParsedInput } from '../../shared/contract'
import { AppError, GENERIC_INTERNAL_MESSAGE, type FieldIssue, type Result } from '../../shared/errors'
import type { Actor, CoreEnvironment, Session } from './context'
import type { Handler, HandlerContext, Handlers } from './handler'
import { storageMessage, storageProblemOf } from './backup/storage-errors'
import { databaseRecordingKey, rememberAnswer, rememberedAnswer, splitIdempotencyKey } from './idempotency'

export interface DispatcherOptions {
  handlers: Handlers
  environment: CoreEnvironment
  /** Who the session's profile is, or null when nobody is signed in (or the profile is gone). */
  findActor: (session: Session) => Actor | null
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

/** A full or read-only disk (not a missing file, which is a bug or a NOT_FOUND of its own). */
function isDiskRefusal(error: unknown): boolean {
  const problem = storageProblemOf(error)
  return problem === 'full' || problem === 'read-only'
}

/** The one entry point for every call, whatever the transport (IPC or HTTP). */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  const { handlers, environment } = options

  async function run(method: MethodName, input: unknown, context: HandlerContext): Promise<unknown> {
    const handler = handlers[method] as Handler<MethodName>
    const value = await handler(input as ParsedInput<MethodName>, context as never)
    if (options.validateOutput) contract[method].output.parse(value)
    return value
  }

  /** A creation with its idempotency key: made and remembered in one transaction, or the remembered answer. */
  async function runOnce(method: MethodName, key: string, input: unknown, context: HandlerContext): Promise<unknown> {
    const { sqlite } = environment
    const remembered = rememberedAnswer(sqlite, method, key)
    if (remembered) return remembered.value
    const handler = handlers[method] as Handler<MethodName>
    if (handler.constructor.name !== 'AsyncFunction') {
      // Synchronous: the whole handler in one transaction (its own transactions become savepoints of this one).
      return sqlite.transaction(() => {
        const value = handler(input as ParsedInput<MethodName>, context as never)
        if (options.validateOutput) contract[method].output.parse(value)
        rememberAnswer(sqlite, method, key, value, environment.now())
        return value
      })()
    }
    let recorded: string | undefined
    const record = (value: unknown) => {
      rememberAnswer(sqlite, method, key, value, environment.now())
      recorded = JSON.stringify(value ?? null)
    }
    const value = await run(method, input, { ...context, db: databaseRecordingKey(context.db, record) })
    // The handler's answer is its last transaction's in practice; if not, the remembered one is corrected.
    if (recorded !== JSON.stringify(value ?? null)) record(value)
    return value
  }

  /** Calls with a key still running: a repeat waits for the first one's answer. */
  const running = new Map<string, Promise<Result<unknown>>>()

  return async (method, rawInput, session) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: "Cette opération n'existe pas dans Cap Commune." } }
    }
    let split: ReturnType<typeof splitIdempotencyKey>
    try {
      split = splitIdempotencyKey(method, rawInput)
    } catch (error) {
      return { ok: false, error: (error as AppError).toShape() }
    }
    const { key, input } = split
    if (key === null) return dispatchOne(method, input, session, null)
    const first = running.get(key)
    if (first) return first
    const call = dispatchOne(method, input, session, key)
    running.set(key, call)
    try {
      return await call
    } finally {
      running.delete(key)
    }
  }

  async function dispatchOne(method: MethodName, input: unknown, session: Session, key: string | null): Promise<Result<unknown>> {
    const definition = contract[method]
    try {
      const actor = options.findActor(session)
      checkAccess(method, actor)
      const parsed = definition.input.safeParse(input)
      if (!parsed.success) {
        const issues = toFieldIssues(parsed.error)
        return { ok: false, error: { code: 'INVALID_INPUT', message: issues[0]?.message ?? 'Les informations saisies ne sont pas valides.', issues } }
      }
      const context: HandlerContext = {
        ...environment,
        session,
        actor,
        read: async (readMethod, readInput) => {
          checkAccess(readMethod, actor)
          return (await run(readMethod, contract[readMethod].input.parse(readInput), context)) as never
        },
      }
      const value = key === null ? await run(method, parsed.data, context) : await runOnce(method, key, parsed.data, context)
      if (definition.changes && definition.changes.length > 0) environment.emit('data.changed', { domains: [...definition.changes] })
      return { ok: true, value }
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() }
      // Disk full, read-only or gone under a write: the transaction was rolled back (SQLite) or the document's
      // temporary file removed (file store), so the data is as it was — say so in words, not « erreur interne ».
      const storage = isDiskRefusal(error) ? storageMessage(error, environment.dataDir) : null
      if (storage) {
        options.onInternalError?.(method, error)
        return { ok: false, error: { code: 'STORAGE', message: storage } }
      }
      options.onInternalError?.(method, error)
      return { ok: false, error: { code: 'INTERNAL', message: GENERIC_INTERNAL_MESSAGE } }
    }
  }
}
