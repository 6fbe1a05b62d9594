/** Thrown when every render slot is busy and the queue is full: the caller answers 503 with Retry-After. */
export class RenderBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many handouts are being rendered; try again shortly.');
  }
}

/**
 * Bounds the handout renders that run at once (PDF and PNG rendering is CPU- and
 * memory-heavy) and the number waiting for a slot; beyond that, requests are refused at once
 * rather than piling up behind each other and starving every other page of the server.
 */
export class RenderGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly maxActive: number,
    readonly maxQueued: number,
    readonly retryAfterSeconds = 5,
  ) {}

  /** `queueAlways`: the caller waits for a slot even when the queue is full (an admin's ZIP, one file at a time). */
  async run<T>(work: () => Promise<T>, opts: { queueAlways?: boolean } = {}): Promise<T> {
    if (this.active < this.maxActive) {
      this.active++;
    } else {
      if (this.waiting.length >= this.maxQueued && !opts.queueAlways) throw new RenderBusyError(this.retryAfterSeconds);
      // A finishing render hands its slot straight to the next waiter, so `active` stays put.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    try {
      // Renders are mostly synchronous CPU work: start each one from a fresh turn of the event
      // loop, so requests that arrived meanwhile (health checks, pages) are answered between renders.
      await new Promise((resolve) => setImmediate(resolve));
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  /** True when a new render would be refused now. */
  get isFull() {
    return this.active >= this.maxActive && this.waiting.length >= this.maxQueued;
  }

  get load() {
    return { active: this.active, queued: this.waiting.length };
  }
}
