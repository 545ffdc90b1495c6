// A small, fast YAML emitter for the benchmark's generated manifests (block style, the layout
// kubectl prints: list items at their key's indentation). Handles what the generator produces:
// maps, lists, strings, numbers, booleans and null. Strings are written plain when a YAML 1.1 or 1.2
// parser cannot mistake them for anything else, as block literals when they span lines, and
// double-quoted (JSON escaping, which is valid YAML) otherwise.

const RESERVED = new Set(
  'y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF null Null NULL ~'.split(
    ' ',
  ),
);
// Plain when it starts with a letter, '/' or '_' and holds only safe characters. ':' is allowed but
// never before a space or at the end; spaces never at the end or before '#'.
const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./\-:@ ]*$/;

function plainSafe(s) {
  if (!PLAIN.test(s) || RESERVED.has(s)) return false;
  if (s.endsWith(':') || s.endsWith(' ') || s.includes(': ') || s.includes(' #')) return false;
  return true;
}

// Keys and many values repeat across documents: remember how each string is written.
const written = new Map();

function scalar(s) {
  let w = written.get(s);
  if (w === undefined) {
    w = plainSafe(s) ? s : JSON.stringify(s);
    if (written.size < 200000) written.set(s, w);
  }
  return w;
}

function blockLiteral(s, pad) {
  // Only for text the generator writes: lines without leading blanks on the first line, no '\r'.
  if (s.startsWith(' ') || s.includes('\r') || s.includes('\t')) return null;
  let body = s;
  let chomp;
  if (body.endsWith('\n')) {
    body = body.slice(0, -1);
    if (body.endsWith('\n')) return null; // would need '|+'; not produced by the generator
    chomp = '|';
  } else {
    chomp = '|-';
  }
  const lines = body.split('\n');
  let out = chomp;
  for (const line of lines) out += line.length ? '\n' + pad + line : '\n';
  return out;
}

function isMap(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function inline(v, pad) {
  // The text after "key:" or "- " for a scalar or an empty collection; null when a block follows.
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string':
      if (v.includes('\n')) {
        const b = blockLiteral(v, pad);
        return b === null ? JSON.stringify(v) : b;
      }
      return scalar(v);
    case 'number':
    case 'boolean':
      return String(v);
    default:
      if (Array.isArray(v)) return v.length === 0 ? '[]' : null;
      return Object.keys(v).length === 0 ? '{}' : null;
  }
}

function emitMap(obj, pad, out, firstPrefix) {
  let first = true;
  for (const k in obj) {
    const v = obj[k];
    if (v === undefined) continue;
    const lead = first && firstPrefix !== undefined ? firstPrefix : pad;
    first = false;
    const key = scalar(k);
    const text = inline(v, pad + '  ');
    if (text !== null) {
      out.push(lead + key + ': ' + text + '\n');
    } else if (Array.isArray(v)) {
      out.push(lead + key + ':\n');
      emitList(v, pad, out);
    } else {
      out.push(lead + key + ':\n');
      emitMap(v, pad + '  ', out);
    }
  }
}

function emitList(list, pad, out) {
  for (const item of list) {
    const text = inline(item, pad + '  ');
    if (text !== null) {
      out.push(pad + '- ' + text + '\n');
    } else if (isMap(item)) {
      emitMap(item, pad + '  ', out, pad + '- ');
    } else {
      out.push(pad + '-\n');
      emitList(item, pad + '  ', out);
    }
  }
}

/** One YAML document (without the '---' separator). */
export function toYaml(doc) {
  const out = [];
  emitMap(doc, '', out);
  return out.join('');
}
