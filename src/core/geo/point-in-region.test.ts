import { test } from 'node:test';
import assert from 'node:assert/strict';
import { regionAt, regionShapes } from './point-in-region.js';
import { regionCodes } from './regions.js';

test('every one of the 20 regions has a boundary', () => {
  assert.deepEqual(regionShapes().map((shape) => shape.code).sort(), [...regionCodes].sort());
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
