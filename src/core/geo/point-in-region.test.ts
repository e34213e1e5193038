import { test } from 'node:test';
import assert from 'node:assert/strict';
import { insidePolygon } from './geometry.js';
import { regionAt, regionShapes } from './point-in-region.js';
import { regionCodes } from './regions.js';

test('every one of the 20 regions has a boundary', () => {
  assert.deepEqual(
    regionShapes()
      .map((shape) => shape.code)
      .sort(),
    [...regionCodes].sort(),
  );
});

test('city centres fall in their cities, not in the surrounding oblast', () => {
  assert.equal(regionAt(76.9286, 43.2567), 'KZ-75'); // Almaty, Republic Square
  assert.equal(regionAt(71.4304, 51.1282), 'KZ-71'); // Astana, Baiterek
  assert.equal(regionAt(69.5901, 42.3417), 'KZ-79'); // Shymkent centre
});

test('towns fall in their oblasts', () => {
  assert.equal(regionAt(73.1022, 49.8047), 'KZ-35'); // Karaganda
  assert.equal(regionAt(51.8836, 47.1167), 'KZ-23'); // Atyrau
  assert.equal(regionAt(80.2275, 50.4111), 'KZ-10'); // Semey, Abai Region
  assert.equal(regionAt(78.3732, 45.0156), 'KZ-33'); // Taldykorgan, Zhetysu
});

test('a point outside Kazakhstan is in no region', () => {
  assert.equal(regionAt(37.6173, 55.7558), null); // Moscow
});

test('answers kept per grid cell agree with the polygons everywhere, near boundaries included', () => {
  const byPolygons = (lon: number, lat: number) => {
    const shapes = [...regionShapes()].sort(
      (a, b) =>
        (a.bbox[2] - a.bbox[0]) * (a.bbox[3] - a.bbox[1]) - (b.bbox[2] - b.bbox[0]) * (b.bbox[3] - b.bbox[1]),
    );
    return (
      shapes.find((shape) => shape.polygons.some((polygon) => insidePolygon(lon, lat, polygon)))?.code ?? null
    );
  };
  // Twice over the same points: the second pass answers from the cells the first one settled.
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const points = Array.from({ length: 4000 }, () => [46 + random() * 42, 40 + random() * 16] as const);
  for (const pass of [1, 2]) {
    for (const [lon, lat] of points)
      assert.equal(
        regionAt(lon, lat),
        byPolygons(lon, lat),
        `pass ${String(pass)} at ${lon.toFixed(4)}, ${lat.toFixed(4)}`,
      );
  }
  // And points just either side of the Almaty city boundary.
  const almaty = regionShapes().find((shape) => shape.code === 'KZ-75')!.polygons[0]![0]!;
  for (const [lon, lat] of almaty.filter((_, i) => i % 5 === 0)) {
    for (const [dLon, dLat] of [
      [0.0005, 0],
      [-0.0005, 0],
      [0, 0.0005],
      [0, -0.0005],
    ] as const) {
      assert.equal(regionAt(lon + dLon, lat + dLat), byPolygons(lon + dLon, lat + dLat));
    }
  }
});
