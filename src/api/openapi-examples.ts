/** Examples on the main operations, keyed by operationId (see openapi.ts); filled below. */
export interface OperationExample {
  request?: unknown;
  responses?: Readonly<Record<string, unknown>>;
}

export const EXAMPLES: Readonly<Record<string, OperationExample>> = {};
