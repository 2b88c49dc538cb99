import type { z } from 'zod'

/**
 * Who may call a method:
 * - `public`: anyone holding the transport (app status, setup, sign-in);
 * - `profile`: a profile must be signed in;
 * - `admin`: the signed-in profile must be an administrator.
 */
export type Access = 'public' | 'profile' | 'admin'

/**
 * The kinds of data a write changes and a read depends on. After a write, the `data.changed` event carries its
 * `changes`, and the renderer refreshes only the queries whose method `reads` one of them.
 */
export const DATA_DOMAINS = [
  /** Who is signed in on the calling transport: a window that signs in or out refreshes everything it shows. */
  'session',
  'commune',
  'mandate',
  'members',
  'profiles',
  'communeProfile',
  'themes',
  'campaigns',
  'answers',
  'snapshots',
  'citizenInputs',
  'projects',
  'tasks',
  'logo',
  'portal',
  /** The backups of this computer (list, last one, second location). */
  'backups',
  'training',
  /** What citizens sent through the relay (contributions, poll answers) and where the pull stands. */
  'citizens',
] as const
export type DataDomain = (typeof DATA_DOMAINS)[number]

interface Definition<I extends z.ZodType, O extends z.ZodType, A extends Access> {
  input: I
  output: O
  access: A
}

/** A write: what it changes. */
export interface WriteDefinition<I extends z.ZodType, O extends z.ZodType, A extends Access> extends Definition<I, O, A> {
  changes: readonly DataDomain[]
  reads?: never
}

/** A read (or a download): what its result depends on, so that it is refreshed when one of them changes. */
export interface ReadDefinition<I extends z.ZodType, O extends z.ZodType, A extends Access> extends Definition<I, O, A> {
  reads: readonly DataDomain[]
  changes?: never
}

export type MethodDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, A extends Access = Access> =
  WriteDefinition<I, O, A> | ReadDefinition<I, O, A>

export function method<I extends z.ZodType, O extends z.ZodType, A extends Access>(definition: WriteDefinition<I, O, A>): WriteDefinition<I, O, A>
export function method<I extends z.ZodType, O extends z.ZodType, A extends Access>(definition: ReadDefinition<I, O, A>): ReadDefinition<I, O, A>
export function method(definition: MethodDefinition): MethodDefinition {
  return definition
}

/**
 * The methods of one contract file, all named `<prefix>.<verb>` (the file is named after the prefix): a method
 * of another prefix here is a compile error.
 */
export function methodsOf<P extends string>(_prefix: P) {
  return <const T extends Record<string, MethodDefinition>>(definitions: T & { [K in keyof T]: K extends `${P}.${string}` ? unknown : never }): T =>
    definitions
}
