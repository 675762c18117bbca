/** The message a call throws, "" when it throws none: for comparing whole error texts. */
export function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}
