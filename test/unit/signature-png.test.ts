/**
 * A countersignature is drawn into a signed certificate, so its PNG is decoded in the main
 * process (issue 17): a ~300 KB PNG may declare 50,000 × 50,000 pixels, gigabytes once decoded.
 * The channels that take a signature refuse such a PNG before anything decodes it — through the
 * app's own router, as a compromised renderer would send it — and keep taking what the pad draws.
 */
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/core/ipc/router';
import type { Handlers } from '../../electron/core/ipc/router';
import { pngDimensions, SignaturePng } from '../../electron/shared/signature-png';

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** A well-formed grayscale PNG declaring `width` × `height`, its rows all zero: a few hundred KB of deflate for gigabytes of pixels. */
function bombPng(width: number, height: number, rows: number): string {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  const raw = Buffer.alloc((width + 1) * rows);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

async function drawnSignature(): Promise<string> {
  const png = await sharp({ create: { width: 1200, height: 400, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 0 } } })
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

describe('SignaturePng', () => {
  it('takes a PNG the size the pad draws', async () => {
    const signature = await drawnSignature();
    expect(pngDimensions(signature)).toEqual({ width: 1200, height: 400 });
    expect(SignaturePng.safeParse(signature).success).toBe(true);
  });

  it('refuses a small PNG that declares 50,000 × 50,000 pixels', () => {
    const bomb = bombPng(50_000, 50_000, 200);
    expect(bomb.length).toBeLessThan(400_000);
    expect(pngDimensions(bomb)).toEqual({ width: 50_000, height: 50_000 });
    expect(SignaturePng.safeParse(bomb).success).toBe(false);
  });

  it('refuses what is not a PNG behind a PNG data URL', () => {
    expect(
      SignaturePng.safeParse(`data:image/png;base64,${Buffer.from('GIF89a not a png at all, really').toString('base64')}`).success,
    ).toBe(false);
    expect(SignaturePng.safeParse('data:image/png;base64,').success).toBe(false);
  });

  it('every channel that takes a signature refuses the bomb before its handler runs', async () => {
    const bomb = bombPng(50_000, 50_000, 200);
    const called: string[] = [];
    const handler = (name: string) => async () => {
      called.push(name);
      return {};
    };
    const router = createRouter(
      { 'erasure.issueCertificate': handler('erasure'), 'wholeMedium.issueCertificate': handler('wholeMedium') } as unknown as Handlers,
      { info: () => undefined, warn: () => undefined, error: () => undefined },
    );
    for (const channel of ['erasure.issueCertificate', 'wholeMedium.issueCertificate'] as const) {
      const reply = await router.handle(channel, { erasureJobId: 'job-1', countersignature: bomb });
      expect(reply.ok ? 'ok' : reply.error.code).toBe('IPC_INVALID_REQUEST');
    }
    expect(called).toEqual([]);
  });
});
