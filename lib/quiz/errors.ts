/** The attempt does not exist or belongs to someone else (404). */
export class AttemptNotFoundError extends Error {}
/** The attempt cannot take these answers now: already submitted differently, or its module is gone (409). */
export class AttemptConflictError extends Error {}
