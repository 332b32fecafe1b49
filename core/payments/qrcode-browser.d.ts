/** qrcode's browser build (the encoder and the SVG renderer, without the PNG one): the API of `qrcode`. */
declare module 'qrcode/lib/browser.js' {
  import QRCode from 'qrcode';
  export default QRCode;
}
