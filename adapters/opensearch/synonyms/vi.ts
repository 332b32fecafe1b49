/**
 * Vietnamese search-time synonyms (Solr format, `a, b, c` = equivalent). Reviewed: each group
 * says why its words mean the same to a buyer. Written with diacritics; the folded field gets
 * the same groups folded (offers-index.ts), so "bat nhua" finds "chén nhựa" too.
 */
export const viSynonyms: string[] = [
  // bowl: Northern bát, Southern chén
  'bát, chén',
  // hat: Northern mũ, Southern nón; a baseball cap is also a "nón kết"
  'mũ, nón',
  'mũ lưỡi trai, nón kết',
  // umbrella: Northern ô, Southern dù
  'ô, dù',
  // spoon: Northern thìa, Southern muỗng
  'thìa, muỗng',
  // cup: Northern cốc, Southern ly
  'cốc, ly',
  // T-shirt: Northern áo phông, Southern áo thun
  'áo phông, áo thun',
  // socks: Northern tất, Southern vớ
  'tất, vớ',
  // dress: Northern váy, Southern đầm
  'váy, đầm',
  // diaper: Northern bỉm, Southern tã
  'bỉm, tã',
  // sweatshirt: the Vietnamese word and the loanwords shops use
  'áo nỉ, áo sweater, áo sweatshirt',
  // hoodie: loanword and the descriptive phrase
  'áo hoodie, áo nỉ có mũ',
  // power bank: both everyday names and the English loanword
  'sạc dự phòng, pin dự phòng, power bank, powerbank',
  // charger brick: củ sạc (North), cục sạc (South)
  'củ sạc, cục sạc',
  // backpack: spelled as one word in chat and ads
  'ba lô, balo',
  // USB-C: how sellers write the connector
  'type c, typec, usb c, usbc',
  // thermos: "ly giữ nhiệt" and "bình giữ nhiệt" name the same insulated bottle
  'ly giữ nhiệt, bình giữ nhiệt',
  // kettle: electric kettle
  'ấm siêu tốc, ấm đun nước',
  // wireless earphones: buyers say "không dây" and "bluetooth" for the same thing
  'tai nghe không dây, tai nghe bluetooth',
  // sunscreen: common abbreviation
  'kem chống nắng, kcn',
];
