// Peer: jsondiffpatch (npm) on the two JSON Lists, as a user would run it.
//
//   node peer_jsondiffpatch.mjs MODULE_DIR LEFT.json RIGHT.json OUT.json [--variant plain|keyed]
//
// plain: jsondiffpatch.diff(left, right) with default options: items pair by position.
// keyed: the fairest generic use: each List's items keyed by kind/namespace/name, and nested
//        arrays paired by their items' `name` (objectHash), so resources pair as Driftscope pairs them.
// The delta is written to OUT.json (as Driftscope writes its JSON); a one-line summary to stderr.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [moduleDir, leftFile, rightFile, outFile, ...rest] = process.argv.slice(2);
const variant = rest[0] === '--variant' ? rest[1] : 'plain';
const entry = path.join(moduleDir, 'node_modules', 'jsondiffpatch', 'lib', 'index.js');
const jsondiffpatch = await import(pathToFileURL(entry).href);

const read = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
let left = read(leftFile);
let right = read(rightFile);
let delta;
if (variant === 'keyed') {
  const byKey = (list) => {
    const out = {};
    for (const o of list.items) out[`${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`] = o;
    return out;
  };
  left = byKey(left);
  right = byKey(right);
  const differ = jsondiffpatch.create({ objectHash: (o, i) => o?.name ?? o?.metadata?.name ?? `$$index:${i}` });
  delta = differ.diff(left, right);
} else {
  delta = jsondiffpatch.diff(left, right);
}
const text = JSON.stringify(delta ?? {});
fs.writeFileSync(outFile, text);
const changed = delta ? Object.keys(variant === 'keyed' ? delta : delta.items ?? {}).filter((k) => k !== '_t').length : 0;
process.stderr.write(`jsondiffpatch (${variant}): ${changed} top-level entries differ, delta ${text.length} bytes\n`);
