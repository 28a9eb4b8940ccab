/** A failure the person running the portal can fix; printed as one line, no stack. */
export class SetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupError';
  }
}
