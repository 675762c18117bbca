/**
 * The one kind of error a user may see. Its message is the user's only help
 * (Sheets shows it on hover over #ERROR!, the sidebar shows it in red), so it
 * must say what is wrong and how to fix it. Anything else thrown is a bug.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** True for a UserError, also across realms (gas-local runs the bundle in another vm context). */
export function isUserError(error: unknown): error is UserError {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'UserError';
}

/**
 * Runs a public entry point so that only user-facing messages leave it: a UserError
 * passes through as a plain Error with the same message, an unexpected error becomes one
 * short sentence naming the function (no stack trace in the cell).
 */
export function withUserErrors<T>(functionName: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isUserError(error)) throw new Error(error.message);
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${functionName} failed unexpectedly (${detail}). Please report this with a copy of the input.`,
    );
  }
}
