/**
 * Guard for rule 5 of the house: no array spread into a call (`Math.max(...values)`,
 * `rows.push(...more)`), which overflows the stack past ~125,000 elements. Loops or the helpers in
 * core/src/table/extent.ts instead. Spread inside array or object literals is fine.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const PACKAGES = ['core', 'sheets-api', 'sheets-addon', 'cli', 'slack-app', 'store'];
const CALLS = /(Math\.(min|max)|\.push|\.unshift|\.splice|String\.fromCharCode|String\.fromCodePoint)\(/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Spread arguments at the top level of each matched call (not inside [..] or {..} literals). */
function spreadCalls(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(CALLS)) {
    let depth = 0;
    for (let i = (match.index ?? 0) + match[0].length; i < text.length; i++) {
      const ch = text[i];
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && text.startsWith('...', i)) {
        found.push(text.slice(match.index, i + 12));
        break;
      }
    }
  }
  return found;
}

/** Source without comments (JSDoc may show the pattern it warns against). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

describe('package sources', () => {
  it('spread no array into Math.min/max, push, unshift, splice or fromCharCode', () => {
    const offenders = PACKAGES.flatMap((name) =>
      sourceFiles(join(root, name, 'src')).flatMap((file) =>
        spreadCalls(withoutComments(readFileSync(file, 'utf8'))).map(
          (call) => `${relative(root, file)}: ${call}`,
        ),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('the guard itself spots a spread argument and ignores spreads inside literals', () => {
    expect(spreadCalls('Math.max(0, ...values)')).toHaveLength(1);
    expect(spreadCalls('rows.push(...more)')).toHaveLength(1);
    expect(spreadCalls("rows.push(['a', ...header]); Math.max(a, b)")).toEqual([]);
  });
});
