#!/usr/bin/env node
// Fails when .ts/.tsx files under the given directories import each other in a cycle.
//
// Cycles between modules make initialisation order depend on which file happens to be imported first (a class or
// constant is `undefined` at import time), and they blur the layering the folders are meant to show. Only runtime
// edges count: `import type` / `export type` are erased by the compiler, so they cannot cycle at runtime.
// `import { type A } from './a.js'` is NOT erased: under `verbatimModuleSyntax` (set in both tsconfigs, honoured by
// tsx and Vite) it becomes `import {} from './a.js'`, which still loads the module — so it counts, as ESLint's
// no-import-type-side-effects rule points out. Dynamic `import('...')` counts: it is a runtime dependency too.
//
// Usage: node scripts/check-cycles.mjs <dir> [<dir> ...]
// Exit codes: 0 no cycles, 1 cycles found (each printed as a chain), 2 bad usage.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const SKIP_DIRS = new Set(['node_modules', 'dist']);

// ---- files ---------------------------------------------------------------------------------------------------

function isSource(name) {
  return (name.endsWith('.ts') || name.endsWith('.tsx')) && !name.endsWith('.d.ts');
}

function listSources(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) listSources(path, out);
    } else if (entry.isFile() && isSource(entry.name)) {
      out.push(resolve(path));
    }
  }
}

// ---- tokenizer -----------------------------------------------------------------------------------------------
// Just enough of JS/TS lexing to see `import`/`export` and string literals without being fooled by comments,
// strings, template literals or regular expressions. JSX text is lexed as if it were code: an apostrophe in it
// opens a "string" that ends at the end of the line at the latest, so the damage stays on that line.

// After these keywords a `/` starts a regular expression, not a division.
const KEYWORDS_BEFORE_EXPRESSION = new Set(
  'return typeof instanceof in of new delete void throw case do else yield await extends'.split(' '),
);

const isIdStart = (c) => /[A-Za-z_$\u0080-\uffff]/.test(c);
const isIdPart = (c) => /[A-Za-z0-9_$\u0080-\uffff]/.test(c);

/** @returns {{ type: 'id' | 'str' | 'punct' | 'other', value: string }[]} */
export function tokenize(src) {
  const tokens = [];
  // One entry per open `${` of a template literal: the brace depth at which its `}` resumes the template.
  const templateStack = [];
  let braceDepth = 0;
  let i = 0;
  const n = src.length;

  const prevAllowsRegex = () => {
    const prev = tokens[tokens.length - 1];
    if (!prev) return true;
    if (prev.type === 'id') return KEYWORDS_BEFORE_EXPRESSION.has(prev.value);
    if (prev.type === 'str' || prev.type === 'other') return false;
    return !(prev.value === ')' || prev.value === ']' || prev.value === '}');
  };

  // Reads a template literal body starting at i (just after ` or the closing } of a ${...}).
  const readTemplate = () => {
    while (i < n) {
      const c = src[i];
      if (c === '\\') {
        i += 2;
      } else if (c === '`') {
        i++;
        tokens.push({ type: 'other', value: '`template`' });
        return;
      } else if (c === '$' && src[i + 1] === '{') {
        i += 2;
        templateStack.push(braceDepth);
        braceDepth++;
        tokens.push({ type: 'punct', value: '${' });
        return;
      } else {
        i++;
      }
    }
  };

  while (i < n) {
    const c = src[i];
    const next = src[i + 1];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '/' && next === '/') {
      while (i < n && src[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === '"' || c === "'") {
      let value = '';
      i++;
      while (i < n && src[i] !== c && src[i] !== '\n') {
        if (src[i] === '\\') {
          value += src[i + 1] ?? '';
          i += 2;
        } else {
          value += src[i++];
        }
      }
      if (src[i] === c) i++;
      tokens.push({ type: 'str', value });
    } else if (c === '`') {
      i++;
      readTemplate();
    } else if (c === '/' && prevAllowsRegex()) {
      i++;
      let inClass = false;
      while (i < n && src[i] !== '\n') {
        const r = src[i];
        if (r === '\\') i++;
        else if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        i++;
      }
      i++;
      while (i < n && isIdPart(src[i])) i++; // flags
      tokens.push({ type: 'other', value: '/regex/' });
    } else if (isIdStart(c)) {
      const start = i;
      while (i < n && isIdPart(src[i])) i++;
      tokens.push({ type: 'id', value: src.slice(start, i) });
    } else if (/[0-9]/.test(c)) {
      while (i < n && /[0-9A-Za-z_.]/.test(src[i])) i++;
      tokens.push({ type: 'other', value: '0' });
    } else if (c === '{') {
      braceDepth++;
      i++;
      tokens.push({ type: 'punct', value: c });
    } else if (c === '}') {
      braceDepth--;
      i++;
      if (templateStack.length > 0 && templateStack[templateStack.length - 1] === braceDepth) {
        templateStack.pop();
        readTemplate();
      } else {
        tokens.push({ type: 'punct', value: c });
      }
    } else {
      i++;
      tokens.push({ type: 'punct', value: c });
    }
  }
  return tokens;
}

// ---- import extraction ---------------------------------------------------------------------------------------

// A property of `import('x')` that marks a runtime use of the promise; any other `.Name` is a type query such as
// `import('./user.js').User`.
const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

/** Index just past the `}` that closes the `{` at tokens[start]. */
function skipBraces(tokens, start) {
  let i = start + 1;
  while (i < tokens.length && tokens[i].value !== '}') i++;
  return i + 1;
}

/**
 * Runtime module specifiers of one file's source.
 * @returns {string[]}
 */
export function runtimeSpecifiers(src) {
  const tokens = tokenize(src);
  const specs = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'id' || (t.value !== 'import' && t.value !== 'export')) continue;
    const prev = tokens[i - 1];
    if (prev && prev.value === '.') continue; // obj.import, obj.export
    const next = tokens[i + 1];
    if (!next) break;

    if (t.value === 'import') {
      if (next.value === '(') {
        // Dynamic import, or an import type: `typeof import('x')`, `import('x').Name`.
        const arg = tokens[i + 2];
        if (!arg || arg.type !== 'str' || (prev && prev.value === 'typeof')) continue;
        let j = i + 3;
        if (tokens[j]?.value === ',') j += 2; // import('x', { with: ... }) — skip options roughly
        while (j < tokens.length && tokens[j].value !== ')') j++;
        const after = tokens[j + 1];
        const afterName = tokens[j + 2];
        if (after?.value === '.' && afterName?.type === 'id' && !PROMISE_METHODS.has(afterName.value))
          continue;
        specs.push(arg.value);
        continue;
      }
      if (next.value === '.') continue; // import.meta
      if (next.type === 'str') {
        specs.push(next.value); // import './side-effect.js'
        continue;
      }
      if (next.type === 'id' && next.value === 'type') {
        // `import type X from`, `import type { X } from`, `import type * as X from` are erased — but
        // `import type from 'x'` and `import type, { a } from 'x'` bind a value named "type".
        const after = tokens[i + 2];
        const valueNamedType =
          after?.value === ',' || (after?.value === 'from' && tokens[i + 3]?.type === 'str');
        if (after && !valueNamedType) continue;
      }
      // Walk the clause (default binding, `* as ns`, `{ ... }`) up to `from '...'`.
      let j = i + 1;
      while (j < tokens.length) {
        const u = tokens[j];
        if (u.value === '{') {
          j = skipBraces(tokens, j);
          continue;
        }
        if (u.value === 'from' && tokens[j + 1]?.type === 'str') {
          specs.push(tokens[j + 1].value);
          break;
        }
        if (u.value === ';' || u.value === '=' || u.value === '(' || u.type === 'str') break; // import x = require(...)
        j++;
      }
      continue;
    }

    // export
    if (next.type === 'id' && next.value === 'type') continue; // export type { X } from / export type X = ...
    if (next.value === '*') {
      // export * from 'x' / export * as ns from 'x'
      let j = i + 2;
      while (j < tokens.length && j < i + 6 && tokens[j].value !== 'from') j++;
      if (tokens[j]?.value === 'from' && tokens[j + 1]?.type === 'str') specs.push(tokens[j + 1].value);
      continue;
    }
    if (next.value === '{') {
      const end = skipBraces(tokens, i + 1);
      const from = tokens[end];
      const spec = tokens[end + 1];
      if (from?.value === 'from' && spec?.type === 'str') specs.push(spec.value);
    }
  }
  return specs;
}

// ---- resolution ----------------------------------------------------------------------------------------------

/** Resolves a relative specifier to one of the known source files, or null. */
function resolveSpecifier(fromFile, spec, known) {
  if (!spec.startsWith('./') && !spec.startsWith('../') && spec !== '.' && spec !== '..') return null;
  const base = resolve(dirname(fromFile), spec.split('?')[0]);
  const candidates = [];
  const swap = [
    ['.js', ['.ts', '.tsx']],
    ['.jsx', ['.tsx']],
    ['.mjs', ['.mts']],
    ['.cjs', ['.cts']],
  ];
  for (const [ext, replacements] of swap) {
    if (base.endsWith(ext)) for (const r of replacements) candidates.push(base.slice(0, -ext.length) + r);
  }
  candidates.push(base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx'));
  for (const c of candidates) if (known.has(c)) return c;
  return null;
}

// ---- cycles --------------------------------------------------------------------------------------------------

/**
 * Tarjan's strongly connected components, iterative (no recursion limit on deep import chains).
 * @param {string[]} nodes
 * @param {Map<string, string[]>} edges
 * @returns {string[][]}
 */
export function stronglyConnected(nodes, edges) {
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const components = [];
  let counter = 0;

  for (const root of nodes) {
    if (index.has(root)) continue;
    const work = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter++;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const targets = edges.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter);
          counter++;
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node), index.get(target)));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent), low.get(frame.node)));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/** Shortest cycle through `start` that stays inside `members` (BFS), as [start, ..., start]. */
function shortestCycle(start, members, edges) {
  const parent = new Map();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q];
    for (const target of edges.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at = node; at !== start; at = parent.get(at)) path.push(at);
        path.push(start);
        path.reverse();
        return path;
      }
      if (!parent.has(target)) {
        parent.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

// ---- main ----------------------------------------------------------------------------------------------------

function main(argv) {
  const dirs = argv.filter((a) => !a.startsWith('-'));
  if (dirs.length === 0) {
    console.error('usage: node scripts/check-cycles.mjs <dir> [<dir> ...]');
    return 2;
  }
  const files = [];
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      console.error(`check-cycles: not a directory: ${dir}`);
      return 2;
    }
    listSources(dir, files);
  }
  const unique = [...new Set(files)].sort();
  const known = new Set(unique);

  const edges = new Map();
  for (const file of unique) {
    const targets = new Set();
    for (const spec of runtimeSpecifiers(readFileSync(file, 'utf8'))) {
      const target = resolveSpecifier(file, spec, known);
      if (target) targets.add(target);
    }
    edges.set(file, [...targets].sort());
  }

  const show = (f) => relative(process.cwd(), f).split(sep).join('/');
  const cycles = stronglyConnected(unique, edges)
    .filter((c) => c.length > 1 || (edges.get(c[0]) ?? []).includes(c[0]))
    .map((c) => c.sort())
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));

  if (cycles.length === 0) {
    console.log(`no import cycles in ${unique.length} files`);
    return 0;
  }
  console.log(`${cycles.length} import cycle${cycles.length === 1 ? '' : 's'} in ${unique.length} files:`);
  for (const members of cycles) {
    const chain = shortestCycle(members[0], new Set(members), edges);
    console.log(`  ${chain.map(show).join(' -> ')}`);
    if (members.length > chain.length - 1) {
      // A tangle of several loops: the chain above is one of them; list every file involved.
      console.log(`    (${members.length} files in this tangle: ${members.map(show).join(', ')})`);
    }
  }
  console.log(
    'Break each cycle: move the shared piece into its own file, or import types with `import type`.',
  );
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
