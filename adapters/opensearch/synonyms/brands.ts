/**
 * Brand names across scripts (Solr format), in every language's search analyser, so a brand
 * that only the Chinese or Korean title names is found by a search in any language.
 * Reviewed: one group per brand.
 */
export const brandSynonyms: string[] = [
  // Huawei
  'huawei, 华为, 화웨이',
  // Xiaomi
  'xiaomi, 小米, 샤오미',
  // Samsung (Galaxy is its phone line)
  'samsung, 三星, 삼성',
  'galaxy, 갤럭시',
  // Apple / iPhone
  'iphone, 苹果手机, 아이폰',
  // Midea
  'midea, 美的, 메이디',
];
