/**
 * Times a buyer reads (order placed, payment due, quote expiry) are stored as UTC ISO strings
 * and shown in the tenant's time zone: Vietnam UTC+7 (Asia/Ho_Chi_Minh), Korea UTC+9
 * (Asia/Seoul), neither with daylight saving. Intl does the work; nothing here knows offsets.
 */
export const countryTimeZones: Readonly<Record<string, string>> = {
  VN: 'Asia/Ho_Chi_Minh',
  KR: 'Asia/Seoul',
  MY: 'Asia/Kuala_Lumpur',
  CN: 'Asia/Shanghai',
};

/** The time zone for a tenant's country (ISO 3166-1 alpha-2), UTC when none is known. */
export function timeZoneForCountry(country: string | undefined): string {
  return (country && countryTimeZones[country.toUpperCase()]) || 'UTC';
}

/** True when Intl knows the IANA zone name. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * An instant as a person in `timeZone` reads it, in `locale` (date and time, medium/short by
 * default). Throws a RangeError on a string that is not an ISO 8601 instant with a zone (`Z`
 * or an offset): a local time without one would be read in the server's zone.
 */
export function formatInTimeZone(
  isoTime: string,
  timeZone: string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i.test(isoTime))
    throw new RangeError(`not an ISO instant with a zone: ${isoTime}`);
  const [year, month, day, hour, minute] = isoTime.split(/[-T:]/, 5).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  // Date would roll 30 February over into March; a calendar date that does not exist is refused.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const instant = new Date(isoTime);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth ||
    hour > 23 ||
    minute > 59 ||
    Number.isNaN(instant.getTime())
  )
    throw new RangeError(`not a valid instant: ${isoTime}`);
  return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(instant);
}
