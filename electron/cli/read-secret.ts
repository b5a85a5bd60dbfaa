/**
 * Reads passwords for the CLI: never from an argument (it would land in shell history and
 * the process list). With --password-stdin, one password per line of standard input;
 * otherwise a prompt on the terminal that does not echo what is typed.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

export interface SecretSource {
  next(prompt: string): Promise<string>;
}

export function secretsFromStdin(stdin: NodeJS.ReadableStream = process.stdin): SecretSource {
  const lines: AsyncIterator<unknown> = createInterface({ input: stdin, crlfDelay: Infinity })[Symbol.asyncIterator]();
  return {
    async next() {
      const line = await lines.next();
      if (line.done || typeof line.value !== 'string') throw new Error('standard input ended before a password was read');
      return line.value;
    },
  };
}

export function secretsFromTerminal(): SecretSource {
  return {
    next(prompt) {
      let muted = false;
      const output = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          if (!muted) process.stderr.write(chunk);
          callback();
        },
      });
      const rl = createInterface({ input: process.stdin, output, terminal: true });
      return new Promise((resolve) => {
        rl.question(prompt, (answer) => {
          rl.close();
          process.stderr.write('\n');
          resolve(answer);
        });
        muted = true;
      });
    },
  };
}
