import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { sharedPath } from '../core/paths.js';
import { geoEvalTask, parseGeoXml, scoreErrors, splitOf } from './geo.js';
import { findEvalTask } from './registry.js';

// Hand-written documents in the three gold layouts (not copied from any corpus).
const LGL_LIKE = `<?xml version="1.0"?><articles>
<article docid="a1"><title>t</title><text><![CDATA[Floods hit Paris, Texas & Dallas.]]></text>
<toponyms><toponym><start>11</start><end>16</end><phrase>Paris</phrase>
<gaztag geonameid="4717560"><name>Paris</name><fcode>PPLA2</fcode><lat>33.66</lat><lon>-95.56</lon></gaztag></toponym>
<toponym><start>18</start><end>23</end><phrase>Texas</phrase>
<gaztag geonameid="4736286"><name>Texas</name><fcode>ADM1</fcode><lat>31.25</lat><lon>-99.25</lon></gaztag></toponym></toponyms></article>
</articles>`;

const GWN_LIKE = `<articles><article file="7"><title>x</title><text>Rain in Lviv &amp; Kyiv.</text><toponyms>
<toponym><extractedName>Lviv</extractedName><type>Literal</type><start>8</start><end>12</end><geonamesID>702550</geonamesID><latitude>49.84</latitude><longitude>24.02</longitude></toponym>
<toponym><extractedName>Kyiv</extractedName><type>Literal</type><start>15</start><end>19</end><geonamesID/><latitude>50.45</latitude><longitude>30.52</longitude></toponym>
<toponym><extractedName>rain</extractedName><type>Non_Toponym</type><start>0</start><end>4</end></toponym>
</toponyms></article></articles>`;

// Offsets deliberately one character late, as in one of the real corpora.
const GEOVIRUS_LIKE = `<articles><article><source>http://example.org/1</source><text>Cases rose in Doha.</text>
<locations><location><name>Doha</name><start>15</start><end>19</end><lat>25.29</lat><lon>51.53</lon></location></locations></article></articles>`;

test('parseGeoXml reads the three layouts, decodes entities and keeps only toponyms with coordinates', () => {
  const lgl = parseGeoXml(LGL_LIKE);
  assert.equal(lgl.length, 1);
  assert.equal(lgl[0].id, 'a1');
  assert.equal(lgl[0].toponyms.length, 2);
  assert.equal(lgl[0].toponyms[0].geonameid, 4717560);
  assert.equal(lgl[0].text.slice(18, 23), 'Texas');

  const gwn = parseGeoXml(GWN_LIKE);
  assert.equal(gwn[0].text, 'Rain in Lviv & Kyiv.');
  assert.equal(gwn[0].id, 'file-7');
  assert.equal(gwn[0].toponyms.length, 2);
  assert.equal(gwn[0].toponyms[1].geonameid, undefined);
  assert.equal(gwn[0].toponyms[0].kind, 'Literal');

  const gv = parseGeoXml(GEOVIRUS_LIKE);
  const t = gv[0].toponyms[0];
  assert.equal(gv[0].text.slice(t.start, t.end), 'Doha', 'shifted offsets realigned to the name');
});

test('splitOf is deterministic and roughly balanced', () => {
  assert.equal(splitOf('x'), splitOf('x'));
  let dev = 0;
  for (let i = 0; i < 1000; i++) if (splitOf(`doc${i}`) === 'dev') dev++;
  assert.ok(dev > 420 && dev < 580, `dev share ${dev}/1000`);
});

test('scoreErrors: Acc@161, mean, median, AUC', () => {
  const s = scoreErrors([0, 100, 200, 20039], 1, 0);
  assert.equal(s.n, 4);
  assert.equal(s.acc161, 50);
  assert.equal(s.medianKm, 150);
  assert.ok(Math.abs(s.meanKm - 20339 / 4) < 1e-9);
  assert.ok(s.auc > 0 && s.auc < 1);
  assert.equal(scoreErrors([], 0, 0).n, 0);
});

test('eval geo is registered and scores a hand-made file', async () => {
  assert.equal(findEvalTask('geo'), geoEvalTask);
  const { writeFileSync, mkdtempSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'geo-'));
  const file = join(dir, 'g.xml');
  writeFileSync(file, LGL_LIKE);
  const report = await geoEvalTask.run({ positionals: [], flags: { xml: file } });
  assert.equal(report.task, 'geo');
  assert.equal(report.metrics.n, 2);
  assert.equal(report.metrics.acc161, 100, 'Paris, Texas and Texas both resolved within 161 km');
});

const LGL = sharedPath('data', 'lgl', 'LGL.shared-half.xml');
test('LGL shared half, test split: Acc@161 at least 86', { skip: !existsSync(LGL) && `shared data absent: ${LGL}` }, async () => {
  const report = await geoEvalTask.run({ positionals: [], flags: { xml: LGL, split: 'test' } });
  assert.ok(report.metrics.acc161 >= 86, `Acc@161 ${report.metrics.acc161}`);
});

const GWN = sharedPath('data', 'geowebnews', 'GeoWebNews.shared-half.xml');
test('GeoWebNews shared half, test split, GeoNames-id toponyms: Acc@161 at least 88', { skip: !existsSync(GWN) && `shared data absent: ${GWN}` }, async () => {
  const report = await geoEvalTask.run({ positionals: [], flags: { xml: GWN, split: 'test' } });
  assert.ok(report.metrics.testAcc161GeoNamesId >= 88, `Acc@161 ${report.metrics.testAcc161GeoNamesId}`);
});

const TR = sharedPath('data', 'tr-news', 'TR-News.shared-half.xml');
test('TR-News shared half, test split: Acc@161 at least 91', { skip: !existsSync(TR) && `shared data absent: ${TR}` }, async () => {
  const report = await geoEvalTask.run({ positionals: [], flags: { xml: TR, split: 'test' } });
  assert.ok(report.metrics.acc161 >= 91, `Acc@161 ${report.metrics.acc161}`);
});

const GV = sharedPath('data', 'geovirus', 'GeoVirus.shared-half.xml');
test('GeoVirus shared half, test split: Acc@161 at least 86', { skip: !existsSync(GV) && `shared data absent: ${GV}` }, async () => {
  const report = await geoEvalTask.run({ positionals: [], flags: { xml: GV, split: 'test' } });
  assert.ok(report.metrics.acc161 >= 86, `Acc@161 ${report.metrics.acc161}`);
});
