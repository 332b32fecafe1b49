/**
 * Chinese search-time synonyms (Solr format). Reviewed: each group says why its words mean
 * the same to a buyer. Parsed through the same bigram chain as the text they match.
 */
export const zhSynonyms: string[] = [
  // power bank: 充电宝 (everyday) and 移动电源 (formal)
  '充电宝, 移动电源',
  // hair dryer: 吹风机 and 电吹风
  '吹风机, 电吹风',
  // rice cooker: 电饭煲 (south) and 电饭锅 (north)
  '电饭煲, 电饭锅',
  // diapers: 纸尿裤 and 尿不湿
  '纸尿裤, 尿不湿',
  // backpack: 双肩包 and 书包 / 背包
  '双肩包, 背包, 书包',
  // USB-C cable: type-c written together
  'typec, type c',
  // charger brick: 快充头, 充电头, 充电器
  '快充头, 充电头, 充电器',
  // kettle: 电水壶 and 电热水壶, 烧水壶
  '电水壶, 电热水壶, 烧水壶',
  // latex pillow: 乳胶枕 short for 乳胶枕头
  '乳胶枕, 乳胶枕头',
];
