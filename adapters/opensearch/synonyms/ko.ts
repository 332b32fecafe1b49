/**
 * Korean search-time synonyms (Solr format). Reviewed: each group says why its words mean
 * the same to a buyer. Parsed through the same bigram chain as the text they match.
 */
export const koSynonyms: string[] = [
  // sweatshirt: 맨투맨 (Konglish for a crewneck sweatshirt) is what buyers type
  '맨투맨, 스웨트셔츠, 스웨트 셔츠',
  // hoodie: 후드티 is the everyday word
  '후드티, 후드 티셔츠, 후디',
  // phone case: 폰케이스 shorthand for 휴대폰 케이스 / 핸드폰 케이스
  '폰케이스, 휴대폰 케이스, 핸드폰 케이스',
  // long / short sleeve tee: 긴팔티 / 반팔티 shorthand
  '긴팔티, 긴팔 티셔츠',
  '반팔티, 반팔 티셔츠',
  // power bank: 보조배터리 and its formal name
  '보조배터리, 휴대용 충전기, 파워뱅크',
  // USB-C: C타입, 타입C
  'c타입, 타입c, usb c, type c',
  // hair dryer: 드라이기 (colloquial) and 드라이어
  '드라이기, 드라이어, 헤어드라이기, 헤어드라이어',
  // baseball cap: 캡모자, 볼캡, 야구모자
  '캡모자, 볼캡, 야구모자',
  // sunscreen: 선크림, 자외선 차단제
  '선크림, 선블록, 자외선 차단제',
  // tote: 에코백 is the usual word for a canvas tote
  '에코백, 토트백, 캔버스백',
  // thermos: 보온병, 텀블러 as sellers use them
  '보온병, 텀블러',
  // bowl: 그릇, 밥그릇, 공기
  '밥그릇, 밥공기',
  // drill: 전동드릴 written together or apart
  '전동드릴, 전동 드릴',
];
