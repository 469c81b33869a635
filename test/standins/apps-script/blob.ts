/** A minimal Utilities.newBlob / HTTPResponse.getBlob Blob: bytes, a content type and a name. */
import type { Realm } from './realm';

export class Blob {
  constructor(
    private data: Buffer,
    private contentType: string | null,
    private name: string | null,
    private readonly realm: Realm,
  ) {}

  /** @internal The raw bytes. */
  bytes(): Buffer {
    return this.data;
  }

  getBytes(): number[] {
    return this.realm.array([...this.data].map((byte) => (byte > 127 ? byte - 256 : byte)));
  }

  getDataAsString(charset?: string): string {
    return this.data.toString(charset && !/^utf-?8$/i.test(charset) ? 'latin1' : 'utf8');
  }

  setDataFromString(text: string): Blob {
    this.data = Buffer.from(String(text), 'utf8');
    return this;
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string): Blob {
    this.contentType = String(contentType);
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): Blob {
    this.name = String(name);
    return this;
  }

  copyBlob(): Blob {
    return new Blob(Buffer.from(this.data), this.contentType, this.name, this.realm);
  }
}
