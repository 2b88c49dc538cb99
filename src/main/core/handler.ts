/**
 * What a handler is: a function of its method's parsed input and of the context of the call. The dispatcher runs
 * them; `handlers/<prefix>.ts` holds those of one prefix (`HandlersOf<'projects'>`), and the compiler checks that
 * `handlers/index.ts` has one for every method of the contract.
 */
import type { MethodInput, MethodName, MethodOutput, MethodPrefix, ParsedInput, PublicMethod, ReadMethod } from '../../shared/contract'
import type { Actor, CoreEnvironment, Session } from './context'

export interface HandlerContext extends CoreEnvironment {
  session: Session
  /** null only for `public` methods called before anyone signs in. */
  actor: Actor | null
  /**
   * Another method's result, through its own handler, with the same session: how reports print exactly what the
   * screens show. Only methods that change nothing can be read this way.
   */
  read<M extends ReadMethod>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
}

/** The context of a method that needs a signed-in profile: the dispatcher has checked there is one. */
export interface SignedInContext extends HandlerContext {
  actor: Actor
}

export type ContextOf<M extends MethodName> = M extends PublicMethod ? HandlerContext : SignedInContext

export type Handler<M extends MethodName> = (input: ParsedInput<M>, context: ContextOf<M>) => MethodOutput<M> | Promise<MethodOutput<M>>

/** Every method of the contract has its handler: the compiler checks the map is complete. */
export type Handlers = { [M in MethodName]: Handler<M> }

/** The handlers of one prefix, the content of `handlers/<prefix>.ts`. */
export type HandlersOf<P extends MethodPrefix> = { [M in MethodName as M extends `${P}.${string}` ? M : never]: Handler<M> }
