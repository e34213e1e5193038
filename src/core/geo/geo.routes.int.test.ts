import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../testing/test-platform.js';

interface RegionView {
  code: string;
  kato: string;
  name: { kk: string; ru: string; en: string };
  population: number;
  populationYear: number;
  centroid: [number, number];
}

describe('geography', () => {
  let qg: TestPlatform;
  const locate = (query: string) =>
    qg.request('analyst.almaty', { method: 'GET', url: `/api/geo/locate?${query}` });

  before(async () => {
    qg = await startTestPlatform();
  });
  after(() => qg.stop());

  test('anonymous callers get 401 on every geo route', async () => {
    for (const url of [
      '/api/geo/regions',
      '/api/geo/regions.geojson',
      '/api/geo/locate?lat=43.2567&lon=76.9286',
    ]) {
      const response = await qg.request(null, { method: 'GET', url });
      assert.equal(response.statusCode, 401, url);
      assert.equal(response.json().type, '/api/problems/unauthenticated');
    }
  });

  test('the 20 regions have names in kk, ru and en, and their 2023 populations sum to 19,766,807', async () => {
    const response = await qg.request('analyst.almaty', { method: 'GET', url: '/api/geo/regions' });
    assert.equal(response.statusCode, 200);
    const regions = response.json<{ regions: RegionView[] }>().regions;
    assert.equal(regions.length, 20);
    assert.equal(new Set(regions.map((region) => region.code)).size, 20);
    for (const region of regions) {
      assert.match(region.code, /^KZ-\d{2}$/);
      assert.match(region.kato, /^\d{9}$/);
      for (const language of ['kk', 'ru', 'en'] as const)
        assert.ok(region.name[language].length > 2, `${region.code} ${language}`);
      assert.equal(region.populationYear, 2023);
      assert.equal(region.centroid.length, 2);
    }
    assert.equal(
      regions.reduce((sum, region) => sum + region.population, 0),
      19_766_807,
    );
    const almaty = regions.find((region) => region.code === 'KZ-75');
    assert.deepEqual(almaty?.name, { kk: 'Алматы қаласы', ru: 'город Алматы', en: 'Almaty' });
  });

  test('the GeoJSON has one feature per region, each carrying its code', async () => {
    const response = await qg.request('analyst.almaty', { method: 'GET', url: '/api/geo/regions.geojson' });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /application\/geo\+json/);
    const collection = response.json<{
      type: string;
      features: { type: string; properties: { code: string; name_en: string }; geometry: { type: string } }[];
    }>();
    assert.equal(collection.type, 'FeatureCollection');
    assert.equal(collection.features.length, 20);
    const codes = collection.features.map((feature) => feature.properties.code).sort();
    const listed = (await qg.request('analyst.almaty', { method: 'GET', url: '/api/geo/regions' }))
      .json<{ regions: RegionView[] }>()
      .regions.map((region) => region.code)
      .sort();
    assert.deepEqual(codes, listed);
    for (const feature of collection.features) {
      assert.match(feature.geometry.type, /^(Multi)?Polygon$/);
      assert.ok(feature.properties.name_en);
    }
  });

  test('a point is located in its region: the centre of Almaty is the city, not the surrounding oblast', async () => {
    const almaty = await locate('lat=43.2567&lon=76.9286');
    assert.equal(almaty.statusCode, 200);
    assert.equal(almaty.json().region.code, 'KZ-75');
    const astana = await locate('lat=51.1282&lon=71.4306');
    assert.equal(astana.json().region.code, 'KZ-71');
    const moscow = await locate('lat=55.7558&lon=37.6173');
    assert.equal(moscow.statusCode, 200);
    assert.equal(moscow.json().region, null);
  });

  test('an invalid latitude or longitude is 400 with the field named', async () => {
    for (const [query, field] of [
      ['lat=91&lon=76.9', 'lat'],
      ['lat=abc&lon=76.9', 'lat'],
      ['lat=43.2', 'lon'],
      ['lat=43.2&lon=181', 'lon'],
    ] as const) {
      const response = await locate(query);
      assert.equal(response.statusCode, 400, query);
      assert.equal(response.json().type, '/api/problems/validation');
      assert.ok(
        response.json().errors.some((error: { field: string }) => error.field.includes(field)),
        `${field} in ${response.body}`,
      );
    }
  });
});
