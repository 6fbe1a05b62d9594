// A git merge driver for messages/*.json: three-way merges objects key by key, so branches that
// each add their own strings never conflict. A key changed differently on both sides fails.
// Enable with: git config merge.json-messages.driver "node scripts/git/merge-json.mjs %O %A %B"
import fs from 'node:fs';

const [basePath, oursPath, theirsPath] = process.argv.slice(2);
const read = (p) => JSON.parse(fs.readFileSync(p, 'utf8') || '{}');
const isObj = (v) => v && typeof v === 'object' && !Array.isArray(v);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
let conflicts = 0;

function merge(base, ours, theirs, path) {
  if (same(ours, theirs)) return ours;
  if (same(base, ours)) return theirs;
  if (same(base, theirs)) return ours;
  if (isObj(ours) && isObj(theirs)) {
    const b = isObj(base) ? base : {};
    const out = {};
    for (const k of new Set([...Object.keys(ours), ...Object.keys(theirs)])) {
      const v = merge(b[k], ours[k], theirs[k], `${path}.${k}`);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  conflicts++;
  console.error(`merge-json: both sides changed ${path}`);
  return ours;
}

const merged = merge(read(basePath), read(oursPath), read(theirsPath), '$');
fs.writeFileSync(oursPath, JSON.stringify(merged, null, 2) + '\n');
process.exit(conflicts ? 1 : 0);
