/** A byte-bounded LRU: rendered handouts are reused until the school profile or the content changes (both are in the key). */
export class ByteLru {
  private entries = new Map<string, Buffer>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get(key: string) {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: Buffer) {
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.length;
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.bytes += value.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.length;
    }
  }

  /** Drops every entry whose key matches; returns how many went. */
  deleteWhere(match: (key: string) => boolean) {
    let dropped = 0;
    for (const [k, v] of this.entries) {
      if (!match(k)) continue;
      this.entries.delete(k);
      this.bytes -= v.length;
      dropped++;
    }
    return dropped;
  }

  keys() {
    return [...this.entries.keys()];
  }

  get size() {
    return this.bytes;
  }
}
