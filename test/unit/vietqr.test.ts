import { Resvg } from '@resvg/resvg-js';
import fc from 'fast-check';
import jsQRModule from 'jsqr';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/errors.ts';
import {
  crc16CcittFalse,
  hasValidCrc,
  parseEmvTlv,
  readVietQr,
  type VietQrInput,
  vietQrPayload,
} from '../../core/payments/vietqr.ts';
import { vietQrSvg } from '../../core/payments/vietqr-svg.ts';

/**
 * Published payloads, reproduced byte for byte:
 * - a payOS payment link's VietQR (MB Bank 970422, virtual account VQRQADAIJ5512, 7,000 ₫,
 *   purpose "TL89 100"), kept in a public repository's payments table dump (June 2025);
 * - the flood-relief transfer vector "ung ho lu lut" (VietinBank 970415, 120,000 ₫), quoted as
 *   a reference vector in a public VietQR implementation plan;
 * - an order example from a Vietnamese shop's API documentation (Vietcombank 970436, 1,943,000 ₫).
 */
const published: { input: VietQrInput; payload: string }[] = [
  {
    input: {
      bankBin: '970422',
      accountNumber: 'VQRQADAIJ5512',
      amount: 7000,
      currency: 'VND',
      reference: 'TL89 100',
    },
    payload:
      '00020101021238570010A000000727012700069704220113VQRQADAIJ55120208QRIBFTTA5303704540470005802VN62120808TL89 1006304E346',
  },
  {
    input: {
      bankBin: '970415',
      accountNumber: '0011001932418',
      amount: 120_000,
      currency: 'VND',
      reference: 'ung ho lu lut',
    },
    payload:
      '00020101021238570010A0000007270127000697041501130011001932418' +
      '0208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C',
  },
  {
    input: {
      bankBin: '970436',
      accountNumber: '1023456789',
      amount: 1_943_000,
      currency: 'VND',
      reference: 'TT000069',
    },
    payload:
      '00020101021238540010A00000072701240006970436011010234567890208QRIBFTTA5303704540719430005802VN62120808TT0000696304A8E5',
  },
];

// jsqr is CommonJS with `exports.default`: the default import is its module object.
const jsQR = jsQRModule.default;

/** Renders the SVG the storefront inlines to pixels and reads it back with a QR decoder. */
async function decodeSvg(svg: string): Promise<string | undefined> {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: 480 }, background: '#ffffff' }).render();
  return jsQR(new Uint8ClampedArray(image.pixels), image.width, image.height)?.data;
}

describe('CRC-16/CCITT-FALSE', () => {
  it('gives the catalogued check value for "123456789" (29B1)', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
    expect(crc16CcittFalse('')).toBe('FFFF');
  });

  it('matches a third-party payload with a bill number and the to-card service', () => {
    const payload =
      '00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC530370454061800005802VN' +
      '62340107NPS68690819thanh toan don hang6304A203';
    expect(hasValidCrc(payload)).toBe(true);
    expect(hasValidCrc(payload.replace('180000', '180001'))).toBe(false);
  });
});

describe('vietQrPayload', () => {
  it('reproduces published VietQR payloads byte for byte', () => {
    for (const { input, payload } of published) expect(vietQrPayload(input)).toBe(payload);
  });

  it('lays out the NAPAS 247 fields: dynamic, GUID, BIN, account, QRIBFTTA, 704, amount, VN, 62/08, CRC', () => {
    const payload = vietQrPayload({
      bankBin: '970436',
      accountNumber: '0071000123456',
      amount: 12_345_000n,
      currency: 'VND',
      reference: 'SF VN 2026 000123',
      merchantName: 'THOI TRANG MAI',
    });
    expect(parseEmvTlv(payload).map((f) => f.tag)).toEqual([
      '00',
      '01',
      '38',
      '53',
      '54',
      '58',
      '59',
      '62',
      '63',
    ]);
    expect(payload.slice(0, 12)).toBe('000201010212');
    expect(readVietQr(payload)).toEqual({
      guid: 'A000000727',
      bankBin: '970436',
      accountNumber: '0071000123456',
      service: 'QRIBFTTA',
      currency: '704',
      amount: '12345000',
      country: 'VN',
      merchantName: 'THOI TRANG MAI',
      reference: 'SF VN 2026 000123',
      crcValid: true,
    });
  });

  it('refuses what a banking app would misread, naming each field', () => {
    const error = (input: Partial<VietQrInput>) => {
      try {
        vietQrPayload({ ...published[0]!.input, ...input });
      } catch (e) {
        return e instanceof DomainError ? e.fields.map((f) => f.path) : e;
      }
      return [];
    };
    expect(error({ bankBin: '97042' })).toEqual(['bankBin']);
    expect(error({ accountNumber: '0123 456' })).toEqual(['accountNumber']);
    expect(error({ amount: 0 })).toEqual(['amount']);
    expect(error({ amount: 1.5 })).toEqual(['amount']);
    expect(error({ amount: 10n ** 13n })).toEqual(['amount']);
    expect(error({ reference: 'Đơn hàng 12' })).toEqual(['reference']);
    expect(error({ reference: 'X'.repeat(26) })).toEqual(['reference']);
    expect(error({ currency: 'USD' as 'VND' })).toEqual(['currency']);
    expect(error({ merchantName: 'Cửa hàng' })).toEqual(['merchantName']);
    expect(error({ amount: 10n ** 13n - 1n, reference: 'X'.repeat(25) })).toEqual([]);
  });

  it('property: every payload parses back to its input, with a valid CRC; any changed character breaks it', () => {
    const digits = (min: number, max: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
    const reference = fc
      .string({ unit: fc.constantFrom(...'ABCXYZ0123456789 '), minLength: 1, maxLength: 25 })
      .filter((r) => /^\S(.*\S)?$/.test(r));
    fc.assert(
      fc.property(
        digits(6, 6),
        digits(1, 19),
        fc.bigInt({ min: 1n, max: 10n ** 13n - 1n }),
        reference,
        fc.nat(),
        (bankBin, accountNumber, amount, ref, position) => {
          const payload = vietQrPayload({ bankBin, accountNumber, amount, currency: 'VND', reference: ref });
          const read = readVietQr(payload);
          expect(read).toMatchObject({
            bankBin,
            accountNumber,
            amount: String(amount),
            reference: ref,
            crcValid: true,
          });
          const at = position % (payload.length - 4);
          const changed = payload.slice(0, at) + (payload[at] === '1' ? '2' : '1') + payload.slice(at + 1);
          expect(hasValidCrc(changed)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('vietQrSvg', () => {
  it('draws a QR code that a decoder reads back as the payload, with the right amount and reference', async () => {
    for (const { input, payload } of published) {
      const svg = await vietQrSvg(payload);
      expect(svg.startsWith('<svg')).toBe(true);
      const decoded = await decodeSvg(svg);
      expect(decoded).toBe(payload);
      const read = readVietQr(decoded!);
      expect(read.amount).toBe(String(input.amount));
      expect(read.reference).toBe(input.reference);
      expect(read.crcValid).toBe(true);
    }
  });

  it('the decoder check can fail: a different payload does not decode as this one', async () => {
    const other = vietQrPayload({ ...published[0]!.input, amount: 7001 });
    expect(await decodeSvg(await vietQrSvg(other))).not.toBe(published[0]!.payload);
  });
});
