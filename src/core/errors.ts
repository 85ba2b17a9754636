/**
 * The one catalogue of domain errors. Each has a stable `code` and an HTTP status; the API maps them in one
 * place (http/errors.ts). Expected failures that callers branch on (insufficient stock) are also returned as
 * typed results by services; these classes are for what ends a request.
 */
export class RestockError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class Invalid extends RestockError {
  constructor(message: string, details: unknown = null, code = 'invalid_request') {
    super(code, 400, message, details);
  }
}

export class NotFound extends RestockError {
  constructor(what: string, id: string, code = 'not_found') {
    super(code, 404, `${what} '${id}' does not exist`, { [what.toLowerCase()]: id });
  }
}

export class Conflict extends RestockError {
  constructor(message: string, details: unknown = null, code = 'conflict') {
    super(code, 409, message, details);
  }
}

export class InsufficientStock extends RestockError {
  constructor(sku: string, requested: number, available: number) {
    super('insufficient_stock', 409, `only ${available} of '${sku}' available, ${requested} requested`, {
      sku,
      requested,
      available,
    });
  }
}

export class Unauthorized extends RestockError {
  constructor(message = 'a valid API key is required (Authorization: Bearer KEY)') {
    super('unauthorized', 401, message);
  }
}

export class Forbidden extends RestockError {
  constructor(message: string) {
    super('forbidden', 403, message);
  }
}

export class Unprocessable extends RestockError {
  constructor(message: string, details: unknown = null, code = 'unprocessable') {
    super(code, 422, message, details);
  }
}
