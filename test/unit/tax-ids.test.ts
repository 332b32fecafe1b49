import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brnCheckDigit, mstCheckDigit, taxIdSchema, validateTaxId } from '../../core/buyers/tax-ids.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import { fieldErrorsFrom } from '../../core/validation/field-errors.ts';

/**
 * MSTs published online, collected by python-stdnum's tests (tests/test_vn_mst.doctest), as
 * buyers write them (dots, spaces, branch dashes).
 */
const publishedMsts = [
  '01.00.112.437',
  '0100112437011',
  '0100233488',
  '0101245486',
  '0102182292',
  '0102278149',
  '0102328512',
  '0102638049',
  '0102641429-066',
  '0102721191-001',
  '0102723382',
  '0103131621',
  '0103326250',
  '0103581701',
  '0105022466',
  '0105330703',
  '0105869220',
  '0105958840',
  '0106142205',
  '0106713191',
  '0106824279',
  '0106897051',
  '0106929352',
  '0107338930',
  '0107371744',
  '0107408553',
  '0107430703',
  '0107526719',
  '0107568451',
  '0107959889',
  '0107984081',
  '0108024302',
  '0108100828',
  '0108200276',
  '0108256430',
  '0108747679',
  '0108880215',
  '0109120150',
  '0109161862',
  '0200747399',
  '0201900138',
  '0201909807',
  '0201910834',
  '0300533351',
  '0301471348',
  '0302082048',
  '0302787672',
  '0302971199',
  '0303025606',
  '0303104343',
  '0303177976',
  '0303217354',
  '0303789707',
  '0304436870',
  '0304475742',
  '0304541339',
  '0305000124',
  '0305060028',
  '0305322160',
  '0305338315',
  '0305592294',
  '0306404183',
  '0308023320',
  '0309485335',
  '0310213840',
  '0310350004',
  '0311 916 028',
  '0311592398',
  '0311693854',
  '0311892472',
  '0311933841',
  '0312 68 78 78 - 001',
  '0312273838',
  '0312386285',
  '0312615305',
  '0312971744',
  '0313322647',
  '0313511637',
  '0313547048',
  '0313752826',
  '0313844499',
  '0313883096',
  '0314179100',
  '0314390745',
  '0314409058-002',
  '0314425155',
  '0314715626',
  '0314797650',
  '0314817730',
  '0315406620',
  '0315427476',
  '0315469356',
  '0315615423',
  '0315641254',
  '0315649013',
  '0315675711',
  '0316079077',
  '0316095304',
  '0316110224',
  '0400129230',
  '0400583250',
  '0401 443 048',
  '0401958914',
  '0700790272',
  '0900283167',
  '1201480559',
  '1300440846-008',
  '1600255033-006',
  '1600699712-004',
  '1601223524',
  '1801314923',
  '2000102580',
  '2000102580-001',
  '2000102580-002',
  '2000102580-003',
  '2000102580-004',
  '2000102580-005',
  '2000730546-015',
  '2000961769-009',
  '2100624710',
  '2300376864',
  '2500291713',
  '2800886119',
  '2901807716',
  '3100104093-009',
  '3200707377',
  '3300273243-005',
  '3301595028',
  '3400416992-007',
  '3500748818',
  '3500865800',
  '3600532315',
  '3602404615',
  '3603277021',
  '3603718156',
  '3700635642',
  '3700751416',
  '3701398754',
  '3702499152',
  '3702642596',
  '3900260711',
  '3900956516',
  '3901166775',
  '3901203321',
  '4000107409',
  '4001100318',
  '4001170925',
  '4200919944',
  '4201783848',
  '4401031161',
  '4900224296',
  '4900813164',
  '5200327611',
  '5200869050',
  '5400478872',
  '5500340437',
  '5701424091',
  '5800199577-002',
  '5900705097',
  '8037630690',
  '8463763902',
];

/**
 * 사업자등록번호 published online, from python-stdnum's tests/test_kr_brn.doctest (that library
 * checks no check digit; of its 236 numbers three fail the check — 206-18-12345, a placeholder,
 * 306-82-00417 and 728-86-00316 — and are left out here).
 */
const publishedBrns = [
  '101-82-13065',
  '102-81-03525',
  '102-81-42945',
  '104-81-25258',
  '104-81-36565',
  '104-84-03406',
  '105-17-41513',
  '105-86-61489',
  '106-82-07200',
  '107-82-09351',
  '107-87-13471',
  '107-87-70962',
  '108-19-83613',
  '109-81-33637',
  '109-81-39795',
  '109-81-62393',
  '110-12-39727',
  '110-14-16596',
  '110-81-05034',
  '110-81-07390',
  '110-81-40725',
  '110-84-02173',
  '112-81-30811',
  '113-02-43949',
  '113-81-92367',
  '113-85-26486',
  '113-86-21886',
  '113-86-38602',
  '113-86-46500',
  '113-86-60856',
  '114-81-44645',
  '114-82-62150',
  '114-86-00579',
  '114-86-04968',
  '114-86-61464',
  '116-82-00276',
  '117-81-77714',
  '118-81-09714',
  '119-02-43947',
  '119-19-96781',
  '119-82-08146',
  '119-82-63265',
  '119-86-44529',
  '119-86-79111',
  '119-87-08063',
  '120-81-57465',
  '120-86-39706',
  '1208200052',
  '121-81-25326',
  '121-81-42209',
  '121-81-78347',
  '122-81-62455',
  '124-81-79802',
  '124-86-13144',
  '124-86-65341',
  '124-86-85333',
  '127-11-87351',
  '128-02-41206',
  '128-39-49844',
  '128-81-63302',
  '128-81-77295',
  '129-81-16573',
  '129-81-23356',
  '129-81-30691',
  '129-81-85385',
  '129-86-38970',
  '129-86-39907',
  '130-47-17700',
  '130-81-92528',
  '130-86-35857',
  '130-86-79710',
  '130-86-89294',
  '131-82-00372',
  '131-86-40843',
  '132-81-38608',
  '132-86-04520',
  '133-81-29441',
  '133-81-32077',
  '133-81-40621',
  '134-81-06679',
  '134-86-24634',
  '134-86-44004',
  '134-86-72683',
  '135-09-24640',
  '135-29-80067',
  '135-81-06333',
  '137-86-39058',
  '138-81-03499',
  '138-81-44092',
  '138-81-44277',
  '140-81-67744',
  '141-81-18585',
  '143-81-10463',
  '144-81-25090',
  '148-05-00404',
  '156-23-00883',
  '169-86-00394',
  '183-98-00113',
  '187-82-00055',
  '193-86-00010',
  '201-81-54845',
  '201-81-76228',
  '201-81-99798',
  '201-85-17396',
  '201-86-25781',
  '202-81-04367',
  '202-81-42420',
  '204-06-91556',
  '204-86-46427',
  '205-81-26341',
  '206-86-50913',
  '208-81-24115',
  '209-82-05326',
  '209-82-06382',
  '211-86-08983',
  '211-86-23306',
  '211-86-39754',
  '211-87-67960',
  '214-11-58465',
  '214-81-04230',
  '214-87-78980',
  '214-87-98889',
  '214-87-99743',
  '214-88-49333',
  '214-88-51159',
  '215-87-86862',
  '217-81-14493',
  '219-01-39810',
  '220-81-66148',
  '220-81-83676',
  '220-82-05060',
  '220-87-18070',
  '220-87-57205',
  '220-88-75699',
  '220-88-88699',
  '221-81-32210',
  '221-83-01195',
  '222-81-03192',
  '224-81-41168',
  '231-81-02896',
  '275-87-01259',
  '279-81-01263',
  '280-86-01410',
  '301-81-14992',
  '301-81-91475',
  '301-82-62166',
  '301-86-12266',
  '303-12-73313',
  '303-81-44911',
  '303-82-07378',
  '305-81-38564',
  '305-81-70638',
  '305-81-87876',
  '306-81-22629',
  '308-81-41001',
  '311-81-22413',
  '312-12-25168',
  '312-30-06675',
  '312-81-95317',
  '314-81-25684',
  '314-82-01980',
  '314-86-00956',
  '314-86-42432',
  '314-86-53230',
  '314-86-63209',
  '317-81-04543',
  '318-81-02096',
  '321-81-00982',
  '348-13-00692',
  '364-81-00669',
  '374-81-01516',
  '375-10-00859',
  '375-88-00519',
  '383-37-00143',
  '394-92-00410',
  '398-85-00113',
  '402-82-15272',
  '409-86-33769',
  '410-25-53731',
  '410-82-83844',
  '410-86-53770',
  '415-06-83258',
  '415-81-19511',
  '415-82-11025',
  '416-81-48042',
  '417-85-07912',
  '420-87-00883',
  '501-26-78904',
  '503-86-09407',
  '504-81-85233',
  '504-85-11802',
  '506-82-06755',
  '514-81-68599',
  '515-04-62016',
  '515-05-32580',
  '515-07-68272',
  '515-81-10315',
  '515-81-40648',
  '533-85-00526',
  '533-87-01306',
  '568-41-00305',
  '580-21-00836',
  '582-90-00497',
  '602-81-66559',
  '603-81-24270',
  '606-81-54507',
  '606-86-06989',
  '609-81-99124',
  '610-09-84339',
  '610-81-04971',
  '615-82-11718',
  '615-86-09068',
  '616-24-46281',
  '616-25-12643',
  '617-86-11575',
  '621-15-41743',
  '632-11-01006',
  '639-86-00985',
  '649-82-00117',
  '669-81-00996',
  '680-87-00210',
  '682-85-00885',
  '735-85-00501',
  '760-06-00079',
  '766-88-00563',
  '782-86-00130',
  '809-81-01574',
  '816-81-00840',
  '884-17-01026',
  '2098206382',
  '3178111175',
  '2208869974',
  '1304717700',
];

const nineDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 });

/** Every number a single digit away from `digits` (positions and values both vary). */
function singleDigitChanges(digits: string): string[] {
  return [...digits].flatMap((d, i) =>
    [...'0123456789'].filter((x) => x !== d).map((x) => digits.slice(0, i) + x + digits.slice(i + 1)),
  );
}

describe('Vietnam MST', () => {
  it('accepts every published MST and normalizes branches to 0123456789-001', () => {
    for (const mst of publishedMsts) expect(validateTaxId('VN', mst).ok, mst).toBe(true);
    expect(validateTaxId('VN', '0300588569')).toEqual({ ok: true, normalized: '0300588569' }); // Vinamilk
    expect(validateTaxId('VN', '0100109106')).toEqual({ ok: true, normalized: '0100109106' }); // Viettel
    expect(validateTaxId('VN', '01.00.112.437')).toEqual({ ok: true, normalized: '0100112437' });
    expect(validateTaxId('VN', '0314409058002')).toEqual({ ok: true, normalized: '0314409058-002' });
    expect(validateTaxId('VN', ' 0312 68 78 78 - 001 ')).toEqual({ ok: true, normalized: '0312687878-001' });
    expect(validateTaxId('vn', '0100112437011')).toEqual({ ok: true, normalized: '0100112437-011' });
  });

  it('computes the check digit with weights 31,29,23,19,17,13,7,5,3 mod 11', () => {
    // 0·31+3·29+0·23+0·19+5·17+8·13+8·7+5·5+6·3 = 375; 375 mod 11 = 1; 10 − 1 = 9.
    expect(mstCheckDigit('030058856')).toBe(9);
    // A sum ≡ 10 (mod 11) gives check digit 0 (0107338930 is published).
    expect(mstCheckDigit('010733893')).toBe(0);
    // A sum ≡ 0 (mod 11) leaves no digit: 0·31+3·29+0·23+0·19+5·17+8·13+8·7+0·5+3·3 = 341 = 31·11.
    expect(mstCheckDigit('030058803')).toBeUndefined();
    for (let d = 0; d <= 9; d++)
      expect(validateTaxId('VN', `030058803${d}`)).toEqual({ ok: false, rule: 'tax_id_checksum' });
  });

  it('tells a wrong check digit from a wrong shape', () => {
    expect(validateTaxId('VN', '0100233480')).toEqual({ ok: false, rule: 'tax_id_checksum' });
    expect(validateTaxId('VN', '0300588568')).toEqual({ ok: false, rule: 'tax_id_checksum' });
    for (const bad of ['12345', '030058856', '03005885690', 'VV34567890', '0300588569-01', '0300588569-0001'])
      expect(validateTaxId('VN', bad), bad).toEqual({ ok: false, rule: 'tax_id_format' });
    // Sequence 0000000 and branch 000 are never issued.
    expect(validateTaxId('VN', '0100000008')).toEqual({ ok: false, rule: 'tax_id_format' });
    expect(validateTaxId('VN', '0314409058-000')).toEqual({ ok: false, rule: 'tax_id_format' });
  });

  it('accepts a 12-digit personal identification number (household businesses since July 2025)', () => {
    expect(validateTaxId('VN', '001095012345')).toEqual({ ok: true, normalized: '001095012345' });
    expect(validateTaxId('VN', '079 203 001234')).toEqual({ ok: true, normalized: '079203001234' });
    // 003 and 099 are no province's code.
    expect(validateTaxId('VN', '003095012345')).toEqual({ ok: false, rule: 'tax_id_format' });
    expect(validateTaxId('VN', '099095012345')).toEqual({ ok: false, rule: 'tax_id_format' });
  });

  it('property: every generated valid MST passes, with or without a branch', () => {
    fc.assert(
      fc.property(nineDigits, fc.integer({ min: 1, max: 999 }), (nine, branch) => {
        fc.pre(nine.slice(2) !== '0000000');
        const check = mstCheckDigit(nine);
        fc.pre(check !== undefined);
        const mst = `${nine}${check}`;
        expect(validateTaxId('VN', mst)).toEqual({ ok: true, normalized: mst });
        const suffix = String(branch).padStart(3, '0');
        expect(validateTaxId('VN', `${mst}${suffix}`)).toEqual({ ok: true, normalized: `${mst}-${suffix}` });
      }),
    );
  });

  it('property: any single-digit change of a valid MST fails', () => {
    fc.assert(
      fc.property(nineDigits, (nine) => {
        const check = mstCheckDigit(nine);
        fc.pre(check !== undefined && nine.slice(2) !== '0000000');
        for (const changed of singleDigitChanges(`${nine}${check}`))
          expect(validateTaxId('VN', changed).ok, changed).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Korea 사업자등록번호', () => {
  it('accepts every published number and normalizes to 123-45-67890', () => {
    for (const brn of publishedBrns) expect(validateTaxId('KR', brn).ok, brn).toBe(true);
    expect(validateTaxId('KR', '124-81-00998')).toEqual({ ok: true, normalized: '124-81-00998' }); // Samsung Electronics
    expect(validateTaxId('KR', '1208147521')).toEqual({ ok: true, normalized: '120-81-47521' }); // Kakao
    expect(validateTaxId('KR', '220 81 62517')).toEqual({ ok: true, normalized: '220-81-62517' }); // Naver
  });

  it('computes the check digit with weights 1,3,7,1,3,7,1,3,5 plus ⌊d9×5/10⌋, mod 10', () => {
    // 1+6+28+8+3+0+0+27+45 = 118, + ⌊9·5/10⌋ = 4 → 122; (10 − 2) mod 10 = 8.
    expect(brnCheckDigit('124810099')).toBe(8);
    // Check digit 0 (sum ≡ 0 mod 10): 106-82-07200 is published.
    expect(brnCheckDigit('106820720')).toBe(0);
  });

  it('tells a wrong check digit from a wrong shape', () => {
    expect(validateTaxId('KR', '116-82-00278')).toEqual({ ok: false, rule: 'tax_id_checksum' });
    expect(validateTaxId('KR', '124-81-00999')).toEqual({ ok: false, rule: 'tax_id_checksum' });
    for (const bad of ['123456789', '80123456785', 'FF34567890', '124.81.00998'])
      expect(validateTaxId('KR', bad), bad).toEqual({ ok: false, rule: 'tax_id_format' });
    // Tax office below 101, business kind 00 and serial 0000 are never issued.
    for (const bad of ['100-86-08983', '211-00-08983', '211-86-00003'])
      expect(validateTaxId('KR', bad), bad).toEqual({ ok: false, rule: 'tax_id_format' });
  });

  it('property: every generated valid number passes; any single-digit change fails', () => {
    fc.assert(
      fc.property(nineDigits, (nine) => {
        fc.pre(nine.slice(0, 3) >= '101' && nine.slice(3, 5) !== '00' && nine.slice(5) !== '0000');
        const brn = `${nine}${brnCheckDigit(nine)}`;
        expect(validateTaxId('KR', brn)).toEqual({
          ok: true,
          normalized: `${brn.slice(0, 3)}-${brn.slice(3, 5)}-${brn.slice(5)}`,
        });
        for (const changed of singleDigitChanges(brn))
          expect(validateTaxId('KR', changed).ok, changed).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('other countries', () => {
  it('accepts 4–30 of A–Z, 0–9 and -, upper-cased, spaces dropped', () => {
    expect(validateTaxId('MY', 'c 2584563202')).toEqual({ ok: true, normalized: 'C2584563202' });
    expect(validateTaxId('DE', 'DE136695976')).toEqual({ ok: true, normalized: 'DE136695976' });
    expect(validateTaxId('US', '12-3456789')).toEqual({ ok: true, normalized: '12-3456789' });
    expect(validateTaxId('SG', 'AB1')).toEqual({ ok: false, rule: 'tax_id_format' });
    expect(validateTaxId('SG', 'A'.repeat(31))).toEqual({ ok: false, rule: 'tax_id_format' });
    expect(validateTaxId('SG', 'ABC/123')).toEqual({ ok: false, rule: 'tax_id_format' });
    expect(validateTaxId('SG', '-ABC123')).toEqual({ ok: false, rule: 'tax_id_format' });
  });
});

describe('taxIdSchema', () => {
  it('outputs the normalized id', () => {
    expect(taxIdSchema('VN').parse('0314409058002')).toBe('0314409058-002');
    expect(taxIdSchema('KR').parse('1248100998')).toBe('124-81-00998');
  });

  it('names the broken rule so the buyer reads why, in their language', () => {
    const result = taxIdSchema('VN').safeParse('0300588568');
    expect(result.success).toBe(false);
    const fields = fieldErrorsFrom(result.error!, 'taxId');
    expect(fields).toEqual([
      { path: 'taxId', rule: 'tax_id_checksum', params: { example: '0123456789, 0123456789-001' } },
    ]);
    const [field] = fields;
    expect(translatorFor('vi')(`validation:${field!.rule}`, field!.params)).toBe(
      'Mã số thuế không đúng (chữ số kiểm tra sai). Ví dụ: 0123456789, 0123456789-001.',
    );

    const kr = taxIdSchema('KR').safeParse('12-34');
    const [krField] = fieldErrorsFrom(kr.error!, 'taxId');
    expect(krField!.rule).toBe('tax_id_format');
    expect(translatorFor('ko')(`validation:${krField!.rule}`, krField!.params)).toBe(
      '사업자등록번호 형식이 올바르지 않습니다. 예: 123-45-67890.',
    );
  });
});
