// Types for scripts/generate-udf.mjs, so TypeScript tests can import it.
export const UDF_ENTRY: string;
export const UDF_OUTPUT: string;
export function udfCode(): Promise<string>;
export function udfModule(): Promise<string>;
export function generateUdf(): Promise<number>;
