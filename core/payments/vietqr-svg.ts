// The browser build: the same encoder and SVG renderer without the PNG renderer (pngjs, 29 KB per bundle).
import QRCode from 'qrcode/lib/browser.js';

/**
 * The QR code of a payload as an SVG document (error correction M, 4-module quiet zone), for
 * the order page to inline (its own module: only pages that draw the code carry the QR library); the same details are shown as text beside it.
 */
export function vietQrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}
