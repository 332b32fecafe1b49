/**
 * ISO 4217 minor-unit exponents of the active currency codes (list 1, as published by the
 * ISO 4217 maintenance agency, SIX Financial Information). Every amount in the system is an
 * integer count of minor units: CNY fen (exponent 2), VND đồng (0), KRW won (0), KWD fils (3).
 * A code missing here is not a currency the platform accepts (tenant config is refused).
 */
const exponentZero = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'.split(' ');
const exponentThree = 'BHD IQD JOD KWD LYD OMR TND'.split(' ');
const exponentFour = 'CLF UYW'.split(' ');
const exponentTwo = (
  'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
  'GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR ' +
  'LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD ' +
  'PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC ' +
  'SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG'
).split(' ');

export const currencyExponents: Readonly<Record<string, number>> = Object.freeze({
  ...Object.fromEntries(exponentTwo.map((c) => [c, 2])),
  ...Object.fromEntries(exponentZero.map((c) => [c, 0])),
  ...Object.fromEntries(exponentThree.map((c) => [c, 3])),
  ...Object.fromEntries(exponentFour.map((c) => [c, 4])),
});

export function isCurrency(code: string): boolean {
  return Object.hasOwn(currencyExponents, code);
}

/** The ISO 4217 exponent of `code`; throws on a code that is not an active currency. */
export function exponentOf(code: string): number {
  const exponent = currencyExponents[code];
  if (exponent === undefined) throw new RangeError(`Not an ISO 4217 currency: ${code}`);
  return exponent;
}
