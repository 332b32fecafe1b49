import { DomainError, type FieldError } from '../errors.ts';

/**
 * VietQR: the EMVCo merchant-presented QR payload (EMV QRCPS-MPM) that every Vietnamese banking
 * app reads for a NAPAS 247 transfer to an account. Built offline, one TLV after another
 * (two-digit tag, two-digit length, value):
 *
 *   00 payload format "01" · 01 point of initiation "12" (dynamic: the amount is set)
 *   38 merchant account { 00 GUID A000000727 (NAPAS) · 01 beneficiary { 00 bank BIN · 01 account }
 *                         · 02 service QRIBFTTA (transfer to an account) }
 *   53 currency "704" (VND) · 54 amount (integer đồng) · 58 country "VN" · 59 merchant name (optional)
 *   62 additional data { 08 purpose: the order reference, which the partner matches the credit by }
 *   63 CRC-16/CCITT-FALSE over everything before it, "6304" included, four upper-case hex digits.
 */
export interface VietQrInput {
  /** The beneficiary bank's 6-digit NAPAS BIN (e.g. 970436 Vietcombank, 970422 MB). */
  bankBin: string;
  /** The beneficiary account (or a virtual account issued by the bank), up to 19 characters. */
  accountNumber: string;
  /** Whole đồng (VND has no minor unit). */
  amount: number | bigint;
  currency: 'VND';
  /** What the transfer says (nội dung chuyển khoản): the order reference, ASCII letters, digits, spaces. */
  reference: string;
  /** Shown by some banking apps; ASCII, up to 25 characters. */
  merchantName?: string;
}

export const napasGuid = 'A000000727';
export const napasTransferToAccount = 'QRIBFTTA';

function tlv(tag: string, value: string): string {
  if (value.length > 99) throw new RangeError(`EMV field ${tag} longer than 99`);
  return `${tag}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) of the UTF-8 bytes. */
export function crc16CcittFalse(data: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(data)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

function checkInput(input: VietQrInput): FieldError[] {
  const fields: FieldError[] = [];
  const bad = (path: string, format: string) =>
    fields.push({ path, rule: 'invalid_format', params: { format } });
  if (!/^\d{6}$/.test(input.bankBin)) bad('bankBin', 'napas-bin');
  if (!/^[0-9A-Za-z]{1,19}$/.test(input.accountNumber)) bad('accountNumber', 'account-number');
  if (input.currency !== 'VND') bad('currency', 'VND');
  const amount =
    typeof input.amount === 'bigint'
      ? input.amount
      : Number.isSafeInteger(input.amount)
        ? BigInt(input.amount)
        : -1n;
  if (amount < 1n || String(amount).length > 13) bad('amount', 'vnd-integer');
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9 ]{0,23}[A-Za-z0-9])?$/.test(input.reference))
    bad('reference', 'vietqr-reference');
  if (input.merchantName !== undefined && !/^[\x20-\x7e]{1,25}$/.test(input.merchantName))
    bad('merchantName', 'ascii-25');
  return fields;
}

/** The VietQR payload string for one transfer (what the QR code encodes). */
export function vietQrPayload(input: VietQrInput): string {
  const fields = checkInput(input);
  if (fields.length > 0) throw new DomainError('VALIDATION_FAILED', { fields });
  const beneficiary = tlv('00', input.bankBin) + tlv('01', input.accountNumber);
  const merchantAccount = tlv('00', napasGuid) + tlv('01', beneficiary) + tlv('02', napasTransferToAccount);
  const body =
    tlv('00', '01') +
    tlv('01', '12') +
    tlv('38', merchantAccount) +
    tlv('53', '704') +
    tlv('54', String(input.amount)) +
    tlv('58', 'VN') +
    (input.merchantName === undefined ? '' : tlv('59', input.merchantName)) +
    tlv('62', tlv('08', input.reference)) +
    '6304';
  return body + crc16CcittFalse(body);
}

export interface EmvField {
  tag: string;
  value: string;
}

/** Reads one level of an EMV TLV string (a template's value is itself TLV); throws on a torn field. */
export function parseEmvTlv(payload: string): EmvField[] {
  const fields: EmvField[] = [];
  let at = 0;
  while (at < payload.length) {
    const tag = payload.slice(at, at + 2);
    const lengthText = payload.slice(at + 2, at + 4);
    const length = Number(lengthText);
    if (!/^\d{2}$/.test(tag) || !/^\d{2}$/.test(lengthText) || at + 4 + length > payload.length)
      throw new RangeError(`malformed EMV field at ${at}`);
    fields.push({ tag, value: payload.slice(at + 4, at + 4 + length) });
    at += 4 + length;
  }
  return fields;
}

/** True when the payload ends in `6304` and the CRC of everything before its last four characters. */
export function hasValidCrc(payload: string): boolean {
  return /6304[0-9A-F]{4}$/.test(payload) && crc16CcittFalse(payload.slice(0, -4)) === payload.slice(-4);
}

export interface VietQrDetails {
  guid: string | undefined;
  bankBin: string | undefined;
  accountNumber: string | undefined;
  service: string | undefined;
  currency: string | undefined;
  amount: string | undefined;
  country: string | undefined;
  merchantName: string | undefined;
  reference: string | undefined;
  crcValid: boolean;
}

/** What a banking app reads from a VietQR payload (for tests, debugging and the text beside the code). */
export function readVietQr(payload: string): VietQrDetails {
  const get = (fields: EmvField[], tag: string) => fields.find((f) => f.tag === tag)?.value;
  const top = parseEmvTlv(payload);
  const account = parseEmvTlv(get(top, '38') ?? '');
  const beneficiary = parseEmvTlv(get(account, '01') ?? '');
  const additional = parseEmvTlv(get(top, '62') ?? '');
  return {
    guid: get(account, '00'),
    bankBin: get(beneficiary, '00'),
    accountNumber: get(beneficiary, '01'),
    service: get(account, '02'),
    currency: get(top, '53'),
    amount: get(top, '54'),
    country: get(top, '58'),
    merchantName: get(top, '59'),
    reference: get(additional, '08'),
    crcValid: hasValidCrc(payload),
  };
}
