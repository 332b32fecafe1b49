import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Reads a publisher's XML with fast-xml-parser: attributes kept under their own names, namespace
 * prefixes dropped (the ECB wraps its rates in a `gesmes:` envelope), every value kept as the
 * string the publisher wrote (rates are exact decimals, never floats), entities left alone.
 * A document that is not well-formed XML (an HTML error page, a cut-off download) is refused.
 */
export function parseFeedXml(xml: string, feed: string, arrays: readonly string[]): Record<string, unknown> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new Error(`${feed}: not a well-formed XML document (${valid.err.msg}, line ${valid.err.line})`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    trimValues: true,
    isArray: (name) => arrays.includes(name),
  });
  return parser.parse(xml) as Record<string, unknown>;
}

/** A plain decimal as publishers write rates (`1697.38`), or undefined. */
export function plainDecimal(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) && !/^0+(\.0+)?$/.test(value)
    ? value
    : undefined;
}
