/** Failures while opening the database; their messages are shown to the user as they are. */
export class DatabaseOpenError extends Error {
  constructor(
    message: string,
    readonly kind: 'too-new' | 'migration-failed' | 'not-a-database' | 'damaged' | 'unreadable',
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'DatabaseOpenError'
  }
}
