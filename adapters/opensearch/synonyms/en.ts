/**
 * English search-time synonyms (Solr format). Reviewed: each group says why its words mean
 * the same to a buyer. Applied after lowercasing and before stemming.
 */
export const enSynonyms: string[] = [
  // power bank: written as one word or two, or named for what it does
  'power bank, powerbank, portable charger, battery pack',
  // USB-C: the connector's names as sellers write them
  'usb c, usbc, type c, typec',
  // hair dryer: one word, two words, and the American "blow dryer"
  'hair dryer, hairdryer, blow dryer',
  // T-shirt: the spellings buyers type
  't shirt, tshirt, tee shirt, tee',
  // diapers: British nappies
  'diapers, diaper, nappies, nappy',
  // tarp: short for tarpaulin
  'tarp, tarpaulin',
  // sweatshirt: the crewneck kind, and the trade's word "crew sweater"
  'sweatshirt, crewneck sweatshirt, crew sweater',
  // knit hat: beanie
  'beanie, knit hat',
  // thermos: the insulated bottle under its everyday names
  'thermos, vacuum bottle, insulated bottle',
  // earbuds: earphones and in-ear headphones are sold under each name
  'earbuds, earphones',
  // sneakers: British trainers
  'sneakers, trainers, running shoes',
  // RC car: remote control car
  'rc car, remote control car',
  // cordless drill: drill driver
  'cordless drill, drill driver',
  // tote: shopping bag
  'tote bag, tote, shopping bag',
];
