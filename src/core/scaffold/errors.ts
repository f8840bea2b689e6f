/** Base class so callers (CLI, extension) can tell scaffold refusals from internal bugs. */
export class ScaffoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A generator would overwrite or contradict something the user already has. */
export class ScaffoldConflictError extends ScaffoldError {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** A file cannot be edited safely (it does not parse, the target is not where we expect it, …). */
export class ScaffoldRefusalError extends ScaffoldError {
  constructor(
    readonly path: string,
    message: string,
    /** 1-based line of the problem, when there is one. */
    readonly line?: number,
  ) {
    super(message);
  }
}
