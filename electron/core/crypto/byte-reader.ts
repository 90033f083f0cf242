// Pull-style reading of an AsyncIterable<Uint8Array>: lines for the age header, fixed-size
// reads for STREAM chunks. It buffers only what a read asks for (plus one source chunk), so
// memory stays bounded whatever the input size.

function toAsync(iterator: Iterator<Uint8Array>): AsyncIterator<Uint8Array> {
  return {
    next: async () => iterator.next(),
    return: async () => iterator.return?.() ?? { done: true, value: undefined },
  };
}

export class ByteReader {
  readonly #iterator: AsyncIterator<Uint8Array>;
  readonly #chunks: Uint8Array[] = [];
  /** How much of #chunks[0] is already consumed. */
  #offset = 0;
  #buffered = 0;
  #ended = false;
  #staging = new Uint8Array(0);

  constructor(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
    this.#iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : toAsync(source[Symbol.iterator]());
  }

  async #pull(): Promise<boolean> {
    for (;;) {
      const next = await this.#iterator.next();
      if (next.done) {
        this.#ended = true;
        return false;
      }
      if (next.value.length > 0) {
        this.#chunks.push(next.value);
        this.#buffered += next.value.length;
        return true;
      }
    }
  }

  /** Buffers at least `length` bytes if the source has them; false when it ends first. */
  async ensure(length: number): Promise<boolean> {
    while (this.#buffered < length) {
      if (this.#ended || !(await this.#pull())) return false;
    }
    return true;
  }

  /** A copy of the first `length` bytes (fewer at the end of the source), without consuming them. */
  async peek(length: number): Promise<Uint8Array> {
    await this.ensure(length);
    const out = new Uint8Array(Math.min(length, this.#buffered));
    this.#copyOut(out, out.length);
    return out;
  }

  /** True when no byte is left. */
  async atEnd(): Promise<boolean> {
    return !(await this.ensure(1));
  }

  #consume(length: number): void {
    this.#buffered -= length;
    let left = length;
    while (left > 0) {
      const first = this.#chunks[0];
      if (first === undefined) throw new Error("ByteReader consumed more than it buffered");
      const available = first.length - this.#offset;
      if (available > left) {
        this.#offset += left;
        return;
      }
      left -= available;
      this.#chunks.shift();
      this.#offset = 0;
    }
  }

  #copyOut(target: Uint8Array, length: number): void {
    let written = 0;
    let offset = this.#offset;
    for (const chunk of this.#chunks) {
      if (written === length) break;
      const take = Math.min(chunk.length - offset, length - written);
      target.set(chunk.subarray(offset, offset + take), written);
      written += take;
      offset = 0;
    }
  }

  /**
   * Up to `length` bytes, fewer only at the end of the source. The result may be a view into
   * the source's chunk or into a buffer reused by the next read: copy it to keep it.
   */
  async read(length: number): Promise<Uint8Array> {
    const wanted = (await this.ensure(length)) ? length : this.#buffered;
    const first = this.#chunks[0];
    let result: Uint8Array;
    if (wanted === 0 || first === undefined) {
      result = new Uint8Array(0);
    } else if (first.length - this.#offset >= wanted) {
      result = first.subarray(this.#offset, this.#offset + wanted);
    } else {
      if (this.#staging.length < wanted) this.#staging = new Uint8Array(Math.max(wanted, this.#staging.length * 2));
      this.#copyOut(this.#staging, wanted);
      result = this.#staging.subarray(0, wanted);
    }
    this.#consume(wanted);
    return result;
  }

  /**
   * Up to `length` bytes as views into the source's chunks (fewer only at the end), for a
   * caller that uses them at once (a whole age chunk is usually one view) and so saves a copy here.
   * The views are valid until the next read.
   */
  async readPieces(length: number): Promise<Uint8Array[]> {
    const wanted = (await this.ensure(length)) ? length : this.#buffered;
    const pieces: Uint8Array[] = [];
    let left = wanted;
    let offset = this.#offset;
    for (const chunk of this.#chunks) {
      if (left === 0) break;
      const take = Math.min(chunk.length - offset, left);
      pieces.push(chunk.subarray(offset, offset + take));
      left -= take;
      offset = 0;
    }
    this.#consume(wanted);
    return pieces;
  }

  /**
   * The next line including its "\n", as a fresh copy. Without a "\n" the bytes come back
   * unterminated: at the end of the source, or when `maxLength` bytes held no line end.
   * Null when nothing is left.
   */
  async readLine(maxLength: number): Promise<Uint8Array | null> {
    let searched = 0;
    for (;;) {
      const end = this.#indexOfNewline(searched, maxLength);
      if (end !== -1) return this.#take(end + 1);
      searched = Math.min(this.#buffered, maxLength);
      if (this.#buffered >= maxLength) return this.#take(maxLength);
      if (this.#ended || !(await this.#pull())) return this.#buffered === 0 ? null : this.#take(this.#buffered);
    }
  }

  #indexOfNewline(from: number, limit: number): number {
    let position = 0;
    let offset = this.#offset;
    for (const chunk of this.#chunks) {
      const length = chunk.length - offset;
      if (position + length > from) {
        const start = offset + Math.max(0, from - position);
        const found = chunk.indexOf(0x0a, start);
        if (found !== -1) {
          const index = position + (found - offset);
          return index < limit ? index : -1;
        }
      }
      position += length;
      offset = 0;
      if (position >= limit) return -1;
    }
    return -1;
  }

  #take(length: number): Uint8Array {
    const out = new Uint8Array(length);
    this.#copyOut(out, length);
    this.#consume(length);
    return out;
  }

  /** Stops the source early (releases file handles when the caller gives up). */
  async close(): Promise<void> {
    if (!this.#ended) {
      this.#ended = true;
      await this.#iterator.return?.();
    }
  }
}
