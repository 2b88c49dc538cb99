import type { z } from 'zod'

/**
 * Who may call a method:
 * - `public`: anyone holding the transport (app status, setup, sign-in);
 * - `profile`: a profile must be signed in;
 * - `admin`: the signed-in profile must be an administrator.
 */
export type Access = 'public' | 'profile' | 'admin'

export interface MethodDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
  access: Access
  /** Domains whose data this method changes; the `data.changed` event carries them. */
  changes?: readonly string[]
}

export function method<I extends z.ZodType, O extends z.ZodType>(definition: MethodDefinition<I, O>): MethodDefinition<I, O> {
  return definition
}
