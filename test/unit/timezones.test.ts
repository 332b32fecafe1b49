import { describe, expect, it } from 'vitest';
import { formatInTimeZone, isTimeZone, timeZoneForCountry } from '../../core/orders/timezones.ts';

/** ICU puts narrow or no-break spaces in some patterns; compare what a reader sees. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

// 17:30 UTC on 1 March is already 2 March in Vietnam (00:30, UTC+7) and Korea (02:30, UTC+9).
const instant = '2026-03-01T17:30:00Z';

describe('formatInTimeZone', () => {
  it('shows an order time in the tenant’s zone and language, across the date line', () => {
    expect(plain(formatInTimeZone(instant, 'Asia/Ho_Chi_Minh', 'vi'))).toBe('00:30 2 thg 3, 2026');
    expect(plain(formatInTimeZone(instant, 'Asia/Seoul', 'ko'))).toBe('2026. 3. 2. 오전 2:30');
    expect(plain(formatInTimeZone(instant, 'Asia/Seoul', 'zh-CN'))).toBe('2026年3月2日 02:30');
    expect(plain(formatInTimeZone(instant, 'Asia/Ho_Chi_Minh', 'en'))).toBe('Mar 2, 2026, 12:30 AM');
    expect(plain(formatInTimeZone(instant, 'UTC', 'en'))).toBe('Mar 1, 2026, 5:30 PM');
  });

  it('reads offsets in the input and takes other formats', () => {
    expect(plain(formatInTimeZone('2026-03-02T00:30:00+07:00', 'Asia/Seoul', 'en'))).toBe(
      'Mar 2, 2026, 2:30 AM',
    );
    expect(
      plain(formatInTimeZone(instant, 'Asia/Seoul', 'ko', { dateStyle: 'long', timeStyle: 'long' })),
    ).toBe('2026년 3월 2일 오전 2시 30분 0초 GMT+9');
  });

  it('refuses a time without a zone (it would be read in the server’s zone) and nonsense', () => {
    expect(() => formatInTimeZone('2026-03-01T17:30:00', 'Asia/Seoul', 'ko')).toThrow(RangeError);
    expect(() => formatInTimeZone('2026-02-30T17:30:00Z', 'Asia/Seoul', 'ko')).toThrow(RangeError);
    expect(() => formatInTimeZone('2026-02-28T24:30:00Z', 'Asia/Seoul', 'ko')).toThrow(RangeError);
    expect(formatInTimeZone('2028-02-29T12:00:00Z', 'Asia/Seoul', 'en')).toContain('Feb 29, 2028');
    expect(() => formatInTimeZone('2026-13-01T17:30:00Z', 'Asia/Seoul', 'ko')).toThrow(RangeError);
    expect(() => formatInTimeZone('yesterday', 'Asia/Seoul', 'ko')).toThrow(RangeError);
    expect(() => formatInTimeZone(instant, 'Mars/Olympus', 'ko')).toThrow(RangeError);
  });
});

describe('time zones by country', () => {
  it('gives Vietnam UTC+7 and Korea UTC+9, UTC otherwise', () => {
    expect(timeZoneForCountry('VN')).toBe('Asia/Ho_Chi_Minh');
    expect(timeZoneForCountry('kr')).toBe('Asia/Seoul');
    expect(timeZoneForCountry('FR')).toBe('UTC');
    expect(timeZoneForCountry(undefined)).toBe('UTC');
    expect(isTimeZone('Asia/Ho_Chi_Minh')).toBe(true);
    expect(isTimeZone('Asia/Saigon-ish')).toBe(false);
  });
});
