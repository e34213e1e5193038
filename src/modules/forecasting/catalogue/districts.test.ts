import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { locales, regions } from '../../../core/index.js';
import { districts, districtsOf, findDistrict } from './districts.js';
import { articleNames, chapterNames } from './names.js';

interface CriminalCode {
  chapters: { code: string; name: { ru: string } }[];
  articles: { code: string; chapter: string; name: { ru: string } }[];
}
interface Form1M {
  registered: Record<string, Record<string, number>>;
}

const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));
const code = readJson('./criminal-code.json') as CriminalCode;
const form = readJson('./kz-1m-2022.json') as Form1M;

test('every region has 4 to 8 districts', () => {
  for (const region of regions) {
    const count = districtsOf(region.code).length;
    assert.ok(count >= 4 && count <= 8, `${region.code} has ${count} districts`);
  }
  const known = new Set(regions.map((region) => region.code));
  for (const district of districts) assert.ok(known.has(district.region), `${district.code}: unknown region`);
});

test('district codes are unique, prefixed by their region and numbered in order', () => {
  assert.equal(new Set(districts.map((district) => district.code)).size, districts.length);
  for (const region of regions) {
    districtsOf(region.code).forEach((district, index) => {
      assert.equal(district.code, `${region.code}-${String(index + 1).padStart(2, '0')}`);
      assert.equal(findDistrict(district.code), district);
    });
  }
  assert.equal(findDistrict('KZ-75-99'), undefined);
  assert.deepEqual(districtsOf('KZ-00'), []);
});

test('districts have names in every locale and plausible populations', () => {
  for (const district of districts) {
    for (const locale of locales)
      assert.ok(district.name[locale].trim(), `${district.code}: no ${locale} name`);
    assert.ok(Number.isInteger(district.population / 1000) && district.population > 0, district.code);
  }
  const almaty = districtsOf('KZ-75').map((district) => district.name.en);
  assert.equal(almaty.length, 8);
  assert.ok(almaty.includes('Medeu District') && almaty.includes('Nauryzbay District'));
});

test("listed districts' populations do not exceed their region's", () => {
  for (const region of regions) {
    const sum = districtsOf(region.code).reduce((total, district) => total + district.population, 0);
    assert.ok(sum <= region.population, `${region.code}: ${sum} > ${region.population}`);
  }
});

test('every chapter of the criminal code has Kazakh and English names', () => {
  assert.equal(code.chapters.length, 18);
  for (const chapter of code.chapters) {
    const names = chapterNames[chapter.code];
    assert.ok(names?.kk.trim() && names.en.trim(), `chapter ${chapter.code} has no kk/en name`);
  }
  assert.deepEqual(Object.keys(chapterNames).sort(), code.chapters.map((chapter) => chapter.code).sort());
});

test('the 40 most registered articles have names and short labels of 1-4 words', () => {
  const totals = new Map<string, number>();
  for (const byArticle of Object.values(form.registered)) {
    for (const [article, count] of Object.entries(byArticle))
      totals.set(article, (totals.get(article) ?? 0) + count);
  }
  const top = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 40);
  const known = new Set(code.articles.map((article) => article.code));
  for (const [article] of top) {
    const names = articleNames[article];
    assert.ok(names, `article ${article} has no names`);
    assert.ok(names.kk.trim() && names.en.trim(), `article ${article}: empty name`);
  }
  assert.equal(Object.keys(articleNames).length, 40);
  for (const [article, names] of Object.entries(articleNames)) {
    assert.ok(known.has(article), `article ${article} is not in criminal-code.json`);
    for (const label of Object.values(names.short)) {
      const words = label.trim().split(/\s+/).length;
      assert.ok(words >= 1 && words <= 4, `article ${article}: "${label}" has ${words} words`);
    }
  }
});
