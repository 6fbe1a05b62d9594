/**
 * Fresh handout renders per client address: a token bucket that refills steadily. Served
 * cached documents never spend tokens, so a parent opening a shared link is never refused;
 * only a client that keeps asking for documents nobody asked for before runs dry.
 */
export class RenderRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly burst: number,
    readonly perMinute: number,
    /** Bounds the memory that clients with many addresses can make this take. */
    readonly maxClients = 10_000,
  ) {}

  /** Spends one token for `client`; null when allowed, else the seconds until a token is back. */
  take(client: string, now = Date.now()): number | null {
    const refill = (b: { tokens: number; at: number }) => Math.min(this.burst, b.tokens + ((now - b.at) / 60_000) * this.perMinute);
    const bucket = this.buckets.get(client);
    const tokens = bucket ? refill(bucket) : this.burst;
    if (tokens < 1) return Math.ceil(((1 - tokens) * 60) / this.perMinute);
    this.buckets.delete(client);
    this.buckets.set(client, { tokens: tokens - 1, at: now });
    // Least recently seen first (a Map keeps insertion order); a forgotten client starts full again.
    while (this.buckets.size > this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    return null;
  }

  get clients() {
    return this.buckets.size;
  }
}
