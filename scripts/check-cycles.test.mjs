import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const script = join(dirname(fileURLToPath(import.meta.url)), 'check-cycles.mjs');
const root = mkdtempSync(join(tmpdir(), 'check-cycles-'));
after(() => rmSync(root, { recursive: true, force: true }));

function tree(name, files) {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function check(...dirs) {
  const r = spawnSync(process.execPath, [script, ...dirs], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('check-cycles', () => {
  it('reports a cycle through a .js specifier and a directory index, and exits 1', () => {
    const dir = tree('with-cycle', {
      'a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'b.ts': "export { c as b } from './lib';\n",
      'lib/index.ts': "export * from './c.js';\n",
      'lib/c.ts': "import { a } from '../a.js';\nexport const c = () => a;\n",
      'leaf.tsx': "import { a } from './a.js';\nexport const Leaf = () => <p>{String(a)}</p>;\n",
    });
    const { code, out } = check(dir);
    assert.equal(code, 1);
    assert.match(out, /1 import cycle in 5 files/);
    assert.ok(
      out.includes(
        'with-cycle/a.ts -> with-cycle/b.ts -> with-cycle/lib/index.ts -> with-cycle/lib/c.ts -> with-cycle/a.ts',
      ),
      out,
    );
    assert.ok(!out.includes('leaf.tsx'), 'a file that only points into the cycle is not part of it');
  });

  it('ignores type-only edges, comments and strings, and exits 0', () => {
    const dir = tree('without-cycle', {
      'user.ts':
        "import { audit } from './audit.js';\nexport interface User { id: string }\nexport const save = () => audit();\n",
      'audit.ts': [
        "import type { User } from './user.js';",
        "export type { User as Subject } from './user.js';",
        "// import { save } from './user.js';",
        'const doc = "import { save } from \'./user.js\'";',
        "type M = typeof import('./user.js');",
        "let later: import('./user.js').User | undefined;",
        'export const audit = (u?: User, m?: M) => [u, m, doc, later];',
        '',
      ].join('\n'),
      'lazy.ts': "export const load = () => import('./user.js');\n",
    });
    const { code, out } = check(dir);
    assert.equal(code, 0, out);
    assert.equal(out.trim(), 'no import cycles in 3 files');
  });

  it('counts a dynamic import, and an inline `{ type X }` import, as runtime edges', () => {
    // Under verbatimModuleSyntax `import { type X } from './a.js'` compiles to `import {} from './a.js'`.
    const dir = tree('runtime-edges', {
      'a.ts': "export const load = async () => (await import('./b.js')).b;\n",
      'b.ts': "import { type Load } from './c.js';\nexport const b: Load = () => 1;\n",
      'c.ts': "import { load } from './a.js';\nexport type Load = () => number;\nexport const c = load;\n",
    });
    const { code, out } = check(dir);
    assert.equal(code, 1);
    assert.match(
      out,
      /runtime-edges\/a\.ts -> runtime-edges\/b\.ts -> runtime-edges\/c\.ts -> runtime-edges\/a\.ts/,
    );
  });

  it('fails with usage error on a missing directory', () => {
    const { code, err } = check(join(root, 'nope'));
    assert.equal(code, 2);
    assert.match(err, /not a directory/);
  });
});
