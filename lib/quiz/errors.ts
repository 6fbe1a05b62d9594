/** The attempt does not exist or belongs to someone else (404). */
export class AttemptNotFoundError extends Error {}
/** The attempt cannot take these answers now: already submitted differently, drawn from an older version of the quiz, or its module is gone (409). */
export class AttemptConflictError extends Error {
  constructor(
    message: string,
    readonly code: 'submitted' | 'stale' | 'gone' = 'submitted',
  ) {
    super(message);
  }
}
/** A failed attempt's retry opens once its sections were reread, or after a short wait (409). */
export class RetryNotOpenError extends Error {
  constructor(
    readonly opensAt: Date,
    readonly review: string[],
  ) {
    super('Reread the sections your answers point to before trying again, or wait a little.');
  }
}
