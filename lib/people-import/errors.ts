/** Why a whole file is refused; each code is a message key of the `peopleImport` namespace. */
export type FileProblem = 'empty' | 'tooLarge' | 'tooManyRows' | 'formula' | 'unreadable' | 'noHeader' | 'unsupportedType';

export class ImportFileError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly detail: Record<string, string | number> = {},
  ) {
    super(`import file refused: ${problem} ${JSON.stringify(detail)}`);
  }
}

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 5000;
