import type { Readable } from 'node:stream';
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';

/**
 * The reader of `rubrics lsp --stdio`: LSP's framing (`Content-Length: N`, a blank line, N bytes of
 * JSON) as vscode-jsonrpc's StreamMessageReader reads it, except that one frame whose length is
 * wrong does not end the conversation.
 *
 * vscode-jsonrpc gives up on the rest of the stream after such a frame (its maintainers see no way
 * to advance): a length too long waits for bytes that are the next messages, one too short leaves
 * the rest of its body in front of every later header, and a header without a number is dropped
 * with the body behind it left to be read as the next header. Even `shutdown` is never read then.
 * This reader finds its place again, from one fact: a header of a later message cannot be inside a
 * JSON body, since outside strings its words are not JSON and inside a string its raw line break
 * would have to be escaped. So a body in which `Content-Length: N` and a line break appear ends
 * there, and bytes in front of a header (what is left of a body that was longer than declared)
 * are dropped with it. Each message left out is reported as an error of the reader.
 */

const CONTENT_LENGTH = /Content-Length:[ \t]*(\d+)\r\n/i;
/** Longest a header block may be: past it, the bytes in front are dropped until a header comes. */
const MAX_HEADER_BYTES = 8 * 1024;
/** Bytes kept from what is dropped, or scanned again, so that a header split across chunks is seen. */
const OVERLAP = 256;

export class ResyncingMessageReader extends AbstractMessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** The body length the current header declared, or -1 while a header is awaited. */
  private bodyLength = -1;
  /** How much of the current body has been searched for a header. */
  private searched = 0;
  private callback: DataCallback | undefined;

  constructor(private readonly readable: Readable) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (data: Buffer) => this.onData(data);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('close', onClose);
    return {
      dispose: () => {
        this.readable.off('data', onData);
        this.readable.off('error', onError);
        this.readable.off('close', onClose);
      },
    };
  }

  private onData(data: Buffer): void {
    this.chunks.push(data);
    this.buffered += data.length;
    while (this.bodyLength >= 0 ? this.readBody() : this.readHeader());
  }

  /** Reads a header block; false when more bytes are needed. */
  private readHeader(): boolean {
    const head = this.bytes(0, Math.min(this.buffered, MAX_HEADER_BYTES)).toString('latin1');
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) {
      if (this.buffered < MAX_HEADER_BYTES) return false;
      this.drop(MAX_HEADER_BYTES - OVERLAP, 'bytes that are not a header');
      return true;
    }
    const length = CONTENT_LENGTH.exec(head.slice(0, end + 2));
    if (!length) {
      this.drop(end + 4, `a header without a Content-Length (${JSON.stringify(head.slice(0, Math.min(end, 80)))})`);
      return true;
    }
    // Bytes in front of the header (the rest of a body longer than it said) go with it.
    // Other header lines end in a line break; anything else in front is the rest of a body longer than it said.
    const before = head.slice(0, length.index);
    if (before && !before.endsWith('\r\n')) this.fireError(new Error(`Dropped ${before.length} bytes in front of a header.`));
    this.take(end + 4);
    this.bodyLength = Number(length[1]);
    this.searched = 0;
    return true;
  }

  /** Reads the current body; false when more bytes are needed. */
  private readBody(): boolean {
    // A header that starts inside the declared body means the length was too long: the body ends there.
    const from = Math.max(0, this.searched - OVERLAP);
    const window = this.bytes(from, Math.min(this.buffered, this.bodyLength + OVERLAP)).toString('latin1');
    const header = CONTENT_LENGTH.exec(window);
    if (header && from + header.index < this.bodyLength) {
      const at = from + header.index;
      this.bodyLength = -1;
      this.deliver(this.take(at), `its Content-Length is longer than its body (the next header follows after ${at} bytes)`);
      return true;
    }
    this.searched = Math.min(this.buffered, this.bodyLength);
    if (this.buffered < this.bodyLength) return false;
    const body = this.take(this.bodyLength);
    this.bodyLength = -1;
    this.deliver(body);
    return true;
  }

  private deliver(body: Buffer, lengthProblem?: string): void {
    let message: Message;
    try {
      message = JSON.parse(body.toString('utf8')) as Message;
    } catch {
      // What is left of a body that was longer than its length said goes with the next header.
      this.fireError(new Error(`Left out a message that is not JSON: ${lengthProblem ?? 'its Content-Length may be shorter than its body'}.`));
      return;
    }
    if (lengthProblem) this.fireError(new Error(`Read a message whose ${lengthProblem}.`));
    this.callback?.(message);
  }

  private drop(count: number, what: string): void {
    this.take(count);
    this.fireError(new Error(`Skipped ${what}.`));
  }

  /** Buffered bytes from `start` to `end`, copying only the chunks that hold them. */
  private bytes(start: number, end: number): Buffer {
    const parts: Buffer[] = [];
    let offset = 0;
    for (const chunk of this.chunks) {
      const chunkEnd = offset + chunk.length;
      if (chunkEnd > start && offset < end) parts.push(chunk.subarray(Math.max(0, start - offset), Math.min(chunk.length, end - offset)));
      if (chunkEnd >= end) break;
      offset = chunkEnd;
    }
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
  }

  /** Takes the first `count` buffered bytes. */
  private take(count: number): Buffer {
    const taken = Buffer.from(this.bytes(0, count));
    let left = count;
    while (left > 0 && this.chunks.length > 0) {
      const first = this.chunks[0] as Buffer;
      if (first.length <= left) {
        left -= first.length;
        this.chunks.shift();
      } else {
        this.chunks[0] = first.subarray(left);
        left = 0;
      }
    }
    this.buffered -= count;
    return taken;
  }
}
