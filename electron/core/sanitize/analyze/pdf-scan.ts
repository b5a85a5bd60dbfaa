/**
 * Active content in a PDF (10-5), found in one streaming pass: JavaScript, automatic
 * actions, launch actions and embedded files, including names written with #xx escapes and
 * dictionaries hidden inside compressed object streams (/Type /ObjStm, inflated on the fly).
 *
 * Why a small lexer and not a regular expression over the bytes: compressed stream data is
 * random, and "/JS" or "/AA" followed by a delimiter turns up in random bytes about once
 * per 250 MB each — a large scanned report would be blocked by chance. So names inside a
 * stream's data are held back, and dropped only when the stream is provably just data: its
 * /Length (direct, or an indirect object resolved by the end of the file) ends exactly at
 * "endstream", and nothing in it looks like an object header a cross-reference table could
 * point into. Anything doubtful is reported.
 *
 * Two lexers read the same bytes and their findings are joined: one honours strings and
 * comments (so "(... >> stream ...)" inside a string cannot fake a stream), one ignores them
 * (so a stray "(" or "%" in junk between objects cannot hide the objects after it).
 */
import type { FindingCode } from '../sanitize-types';
import type { Content } from './content-source';
import { ACTIVE_NAMES, NameScanner, decodePdfName } from './pdf-names';
import { StreamInflater } from './pdf-inflate';

const LF = 0x0a;
const CR = 0x0d;
const MAX_TOKENS = 4096;
/** A literal string longer than this in object syntax is treated as junk, ending the string. */
const MAX_STRING_BYTES = 256 * 1024;
const OBJECT_HEADER = /\d+[\0\t\n\f\r ]+\d+[\0\t\n\f\r ]+obj(?![A-Za-z])/;

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === LF || byte === CR || byte === 0x09 || byte === 0x0c || byte === 0x00;
}
function isDelimiter(byte: number): boolean {
  return (
    byte === 0x28 ||
    byte === 0x29 ||
    byte === 0x3c ||
    byte === 0x3e ||
    byte === 0x5b ||
    byte === 0x5d ||
    byte === 0x7b ||
    byte === 0x7d ||
    byte === 0x2f ||
    byte === 0x25
  );
}
function isHexDigit(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
}
const isInteger = (token: string | undefined): token is string => token !== undefined && /^\d+$/.test(token);

interface StreamDictionary {
  readonly length: number | null;
  readonly lengthRef: string | null;
  readonly objectStream: boolean;
  readonly filters: readonly string[] | null;
  readonly predictor: boolean;
}

/** The entries of the dictionary before "stream" that decide how its data is read. */
function streamDictionary(tokens: readonly string[]): StreamDictionary {
  let depth = 0;
  let length: number | null = null;
  let lengthRef: string | null = null;
  let objectStream = false;
  let filters: string[] | null = null;
  let predictor = false;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if (token === '<<') depth++;
    else if (token === '>>') depth--;
    else if (token === '/Predictor' && Number(tokens[k + 1]) > 1) predictor = true;
    else if (depth === 1 && token === '/Length' && isInteger(tokens[k + 1])) {
      if (isInteger(tokens[k + 2]) && tokens[k + 3] === 'R') lengthRef = `${tokens[k + 1] ?? ''} ${tokens[k + 2] ?? ''}`;
      else length = Number(tokens[k + 1]);
    } else if (depth === 1 && token === '/Type' && tokens[k + 1] === '/ObjStm') objectStream = true;
    else if (depth === 1 && token === '/Filter') {
      const value = tokens[k + 1];
      if (value === '[') {
        filters = [];
        for (let j = k + 2; j < tokens.length && tokens[j] !== ']'; j++) filters.push(tokens[j] ?? '');
      } else if (value?.startsWith('/')) filters = [value];
    }
  }
  return { length, lengthRef, objectStream, filters, predictor };
}

interface Region {
  readonly length: number | null;
  readonly lengthRef: string | null;
  fed: number;
  /** Names seen in the data, reported only if the data turns out not to be provably opaque. */
  readonly provisional: Set<FindingCode>;
  commitNames: boolean;
  objectHeader: boolean;
  headerTail: string;
  readonly raw: NameScanner;
  readonly inflater: StreamInflater | null;
  readonly inflated: NameScanner | null;
  lookahead: string;
  held: string;
}

class PdfLexer {
  private mode: 'outside' | 'data' | 'end-check' | 'search' = 'outside';
  private lex: 'normal' | 'string' | 'hex' | 'comment' = 'normal';
  private stringDepth = 0;
  private stringBytes = 0;
  private escape = false;
  private name: string | null = null;
  private word = '';
  private ltPending = false;
  private gtPending = false;
  private streamEol: 'none' | 'cr' = 'none';
  private tokens: string[] = [];
  private objectId: string | null = null;
  private readonly lengths = new Map<string, number>();
  private region: Region | null = null;
  private readonly deferred: { lengthRef: string; fed: number; provisional: Set<FindingCode> }[] = [];

  constructor(
    private readonly syntax: boolean,
    private readonly report: (code: FindingCode) => void,
  ) {}

  async push(chunk: Buffer): Promise<void> {
    let i = 0;
    while (i < chunk.length) {
      if (this.mode === 'outside') i = this.lexOutside(chunk, i);
      else if (this.mode === 'data') i = await this.data(chunk, i);
      else if (this.mode === 'end-check') i = await this.endCheck(chunk, i);
      else i = await this.search(chunk, i);
    }
  }

  async finish(): Promise<void> {
    if (this.mode === 'outside') {
      if (this.streamEol === 'cr') this.beginData();
      else this.endToken();
    }
    const region = this.region;
    if (region) {
      // The file ended inside a stream: nothing proves its data opaque.
      if (region.held) await this.feed(region.held);
      region.held = '';
      for (const code of region.provisional) this.report(code);
      region.provisional.clear();
      await this.closeRegion();
    }
    for (const stream of this.deferred) {
      const declared = this.lengths.get(stream.lengthRef);
      // The data before "endstream" may end with the EOL that precedes it.
      const fits = declared !== undefined && declared >= stream.fed - 2 && declared <= stream.fed;
      if (!fits) for (const code of stream.provisional) this.report(code);
    }
  }

  private reportName(decoded: string): void {
    const code = ACTIVE_NAMES.get(decoded);
    if (code) this.report(code);
  }

  private pushToken(token: string): void {
    this.tokens.push(token);
    if (this.tokens.length > MAX_TOKENS) this.tokens.splice(0, this.tokens.length - MAX_TOKENS);
  }

  /** Ends the pending name or word; true when it was a "stream" keyword that starts stream data. */
  private endToken(): boolean {
    if (this.name !== null) {
      const decoded = decodePdfName(this.name);
      this.name = null;
      this.reportName(decoded);
      this.pushToken(`/${decoded}`);
      return false;
    }
    if (!this.word) return false;
    const word = this.word;
    this.word = '';
    if (word === 'obj') {
      const [generation, number] = [this.tokens.at(-1), this.tokens.at(-2)];
      this.objectId = isInteger(number) && isInteger(generation) ? `${number} ${generation}` : null;
      this.tokens = [];
      return false;
    }
    if (word === 'endobj') {
      // "12 0 obj 3456 endobj": the value of an indirect /Length.
      if (this.objectId && this.tokens.length === 1 && isInteger(this.tokens[0])) this.lengths.set(this.objectId, Number(this.tokens[0]));
      this.objectId = null;
      this.tokens = [];
      return false;
    }
    if (word === 'stream' && this.tokens.at(-1) === '>>') return true;
    this.pushToken(word);
    return false;
  }

  /** Object syntax, byte by byte; returns where stream data starts (mode changed) or the chunk's end. */
  private lexOutside(chunk: Buffer, start: number): number {
    for (let i = start; i < chunk.length; i++) {
      const byte = chunk[i] ?? 0;
      if (this.streamEol === 'cr') {
        this.streamEol = 'none';
        this.beginData();
        return byte === LF ? i + 1 : i;
      }
      if (this.lex === 'comment') {
        if (byte === LF || byte === CR) this.lex = 'normal';
        continue;
      }
      if (this.lex === 'string') {
        if (++this.stringBytes > MAX_STRING_BYTES) this.lex = 'normal';
        else if (this.escape) this.escape = false;
        else if (byte === 0x5c) this.escape = true;
        else if (byte === 0x28) this.stringDepth++;
        else if (byte === 0x29 && --this.stringDepth === 0) {
          this.lex = 'normal';
          this.pushToken('()');
        }
        continue;
      }
      if (this.lex === 'hex') {
        if (byte === 0x3e) {
          this.lex = 'normal';
          this.pushToken('<>');
        } else if (!isWhitespace(byte) && !isHexDigit(byte)) this.lex = 'normal';
        continue;
      }
      if (this.ltPending) {
        this.ltPending = false;
        if (byte === 0x3c) {
          this.pushToken('<<');
          continue;
        }
        if (this.syntax) {
          this.lex = 'hex';
          i--;
          continue;
        }
      }
      if (this.gtPending) {
        this.gtPending = false;
        if (byte === 0x3e) {
          this.pushToken('>>');
          continue;
        }
      }
      if (isWhitespace(byte)) {
        if (this.endToken()) {
          if (byte === CR) {
            this.streamEol = 'cr';
            continue;
          }
          this.beginData();
          return i + 1;
        }
        continue;
      }
      if (isDelimiter(byte)) {
        if (this.endToken()) {
          this.beginData();
          return i;
        }
        switch (byte) {
          case 0x2f:
            this.name = '';
            break;
          case 0x3c:
            this.ltPending = true;
            break;
          case 0x3e:
            this.gtPending = true;
            break;
          case 0x5b:
            this.pushToken('[');
            break;
          case 0x5d:
            this.pushToken(']');
            break;
          case 0x28:
            if (this.syntax) {
              this.lex = 'string';
              this.stringDepth = 1;
              this.stringBytes = 0;
              this.escape = false;
            }
            break;
          case 0x25:
            if (this.syntax) this.lex = 'comment';
            break;
          default:
            break;
        }
        continue;
      }
      if (this.name !== null) {
        if (this.name.length < 256) this.name += String.fromCharCode(byte);
      } else if (this.word.length < 32) this.word += String.fromCharCode(byte);
    }
    return chunk.length;
  }

  private beginData(): void {
    const dictionary = streamDictionary(this.tokens);
    this.tokens = [];
    let inflater: StreamInflater | null = null;
    let inflated: NameScanner | null = null;
    let commitNames = dictionary.length === null && dictionary.lengthRef === null;
    if (dictionary.objectStream) {
      const filters = dictionary.filters ?? [];
      if (filters.length === 0)
        commitNames = true; // uncompressed: its raw bytes are the objects
      else if (filters.length === 1 && (filters[0] === '/FlateDecode' || filters[0] === '/Fl') && !dictionary.predictor) {
        const scanner = new NameScanner((name) => this.reportName(name));
        inflated = scanner;
        inflater = new StreamInflater((text) => scanner.push(text));
      } else this.report('PDF_UNPARSEABLE_STREAM');
    }
    const provisional = new Set<FindingCode>();
    const region: Region = {
      length: dictionary.lengthRef === null ? dictionary.length : null,
      lengthRef: dictionary.lengthRef,
      fed: 0,
      provisional,
      commitNames,
      objectHeader: false,
      headerTail: '',
      raw: new NameScanner((name) => {
        const code = ACTIVE_NAMES.get(name);
        if (!code) return;
        if (this.region?.commitNames ?? true) this.report(code);
        else provisional.add(code);
      }),
      inflater,
      inflated,
      lookahead: '',
      held: '',
    };
    this.region = region;
    this.mode = region.length !== null ? 'data' : 'search';
  }

  private current(): Region {
    if (!this.region) throw new Error('PDF lexer: no stream is open');
    return this.region;
  }

  private async feed(text: string): Promise<void> {
    const region = this.current();
    if (text.length === 0) return;
    region.fed += text.length;
    region.raw.push(text);
    // The seam with the previous piece is tested on its own: concatenating a whole chunk would copy it.
    if (!region.objectHeader && (OBJECT_HEADER.test(region.headerTail + text.slice(0, 64)) || OBJECT_HEADER.test(text)))
      region.objectHeader = true;
    region.headerTail = (region.headerTail + text.slice(-64)).slice(-64);
    await region.inflater?.write(Buffer.from(text, 'latin1'));
  }

  private async data(chunk: Buffer, i: number): Promise<number> {
    const region = this.current();
    const length = region.length ?? 0;
    const take = Math.min(length - region.fed, chunk.length - i);
    await this.feed(chunk.toString('latin1', i, i + take));
    if (region.fed >= length) this.mode = 'end-check';
    return i + take;
  }

  /** After /Length bytes: is "endstream" next (after whitespace)? Decided byte by byte. */
  private async endCheck(chunk: Buffer, start: number): Promise<number> {
    const region = this.current();
    let i = start;
    while (i < chunk.length) {
      region.lookahead += String.fromCharCode(chunk[i] ?? 0);
      i++;
      const spaces = region.lookahead.length - region.lookahead.replace(/^[\0\t\n\f\r ]+/, '').length;
      const rest = region.lookahead.slice(spaces);
      if (spaces <= 32 && (rest.length === 0 || ('endstream'.startsWith(rest) && rest.length < 9))) continue;
      const lookahead = region.lookahead;
      if (rest === 'endstream') {
        if (region.objectHeader) for (const code of region.provisional) this.report(code);
        region.provisional.clear();
        await this.closeRegion();
        this.lexOutside(Buffer.from(lookahead, 'latin1'), 0);
      } else {
        // /Length lies: a reader may take the data for objects. Report what was held back and read on to "endstream".
        for (const code of region.provisional) this.report(code);
        region.provisional.clear();
        region.commitNames = true;
        this.mode = 'search';
        region.held = lookahead;
      }
      return i;
    }
    return i;
  }

  private async search(chunk: Buffer, i: number): Promise<number> {
    const region = this.current();
    const held = region.held;
    const pending = held + chunk.toString('latin1', i);
    const at = pending.indexOf('endstream');
    if (at < 0) {
      const keep = Math.min(8, pending.length);
      await this.feed(pending.slice(0, pending.length - keep));
      region.held = pending.slice(pending.length - keep);
      return chunk.length;
    }
    await this.feed(pending.slice(0, at));
    region.held = '';
    if (region.objectHeader) for (const code of region.provisional) this.report(code);
    else if (region.lengthRef !== null && region.provisional.size > 0)
      this.deferred.push({ lengthRef: region.lengthRef, fed: region.fed, provisional: new Set(region.provisional) });
    region.provisional.clear();
    await this.closeRegion();
    if (at < held.length) {
      this.lexOutside(Buffer.from(held.slice(at), 'latin1'), 0);
      return i;
    }
    return i + (at - held.length);
  }

  private async closeRegion(): Promise<void> {
    const region = this.current();
    region.raw.flush();
    if (region.inflater) {
      const complete = await region.inflater.end();
      region.inflated?.flush();
      if (!complete) this.report('PDF_UNPARSEABLE_STREAM');
    }
    this.region = null;
    this.mode = 'outside';
  }
}

/** The active-content findings of a PDF, read once from start to end. */
export async function scanPdf(content: Content, signal?: AbortSignal): Promise<Set<FindingCode>> {
  const codes = new Set<FindingCode>();
  const report = (code: FindingCode) => codes.add(code);
  const lexers = [new PdfLexer(true, report), new PdfLexer(false, report)];
  for await (const chunk of content.chunks(signal)) {
    for (const lexer of lexers) await lexer.push(chunk);
  }
  for (const lexer of lexers) await lexer.finish();
  return codes;
}
