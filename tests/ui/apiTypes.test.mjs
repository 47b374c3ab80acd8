// The typedefs of ui/js/api/types.js against JSON the backend really sends (tests/ui/fixtures/,
// captured from the `courtier` CLI, which prints the same DTOs as the Tauri commands; regenerate
// with tests/ui/fixtures/refresh.sh). A field in the JSON but not in the typedef, or in the
// typedef but not in the JSON, fails; a property written `[name]` (optional) may be absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const TYPES = fileURLToPath(new URL('../../ui/js/api/types.js', import.meta.url));
const FIXTURES = new URL('./fixtures/', import.meta.url);

/** The text of a balanced `{…}` starting at `s[i]`, and the index after it. */
function braced(s, i) {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) return { text: s.slice(i + 1, j), end: j + 1 };
  }
  throw new Error(`unbalanced braces at ${i}`);
}

/**
 * Every `@typedef` of the file: `{ expr }` for an alias (`{ClientInput & ClientRecordExtra}`),
 * `{ props }` (name → { type, optional }) for an `{object}` one.
 */
function parseTypedefs(src) {
  const text = src.replace(/^\s*\*\s?/gm, ' ');
  /** @type {Map<string, { expr?: string, props?: Map<string, { type: string, optional: boolean }> }>} */
  const defs = new Map();
  let current = null;
  const re = /@(typedef|property)\s+\{/g;
  let m;
  while ((m = re.exec(text))) {
    const { text: type, end } = braced(text, m.index + m[0].length - 1);
    const name = /^\s*(\[?)([A-Za-z_$][\w$]*)\]?/.exec(text.slice(end));
    assert.ok(name, `a name after @${m[1]} {${type}}`);
    if (m[1] === 'typedef') {
      current = type.trim() === 'object' ? { props: new Map() } : { expr: type.trim() };
      defs.set(name[2], current);
    } else {
      assert.ok(current?.props, `@property ${name[2]} outside an object typedef`);
      current.props.set(name[2], { type: type.trim(), optional: name[1] === '[' });
    }
    re.lastIndex = end;
  }
  return defs;
}

const defs = parseTypedefs(readFileSync(TYPES, 'utf8'));

/** Splits `a | b` or `a & b` at the top level (outside brackets). */
function splitTop(expr, sep) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i];
    if ('{[(<'.includes(ch)) depth++;
    else if ('}])>'.includes(ch)) depth--;
    else if (ch === sep && depth === 0) {
      parts.push(expr.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(expr.slice(start).trim());
  return parts;
}

/** The keys of an inline object type `{ a: T, b?: U }` → name → { type, optional }. */
function inlineProps(body) {
  const props = new Map();
  for (const part of splitTop(body, ',')) {
    if (part === '') continue;
    const m = /^([A-Za-z_$][\w$]*)(\??)\s*:\s*([\s\S]+)$/.exec(part);
    assert.ok(m, `inline property ${part}`);
    props.set(m[1], { type: m[3].trim(), optional: m[2] === '?' });
  }
  return props;
}

/** The object shape a type expression names, or null when it is not one we check. */
function shapeOf(expr) {
  const members = splitTop(expr, '&');
  if (members.length > 1) {
    const props = new Map();
    for (const m of members) {
      const s = shapeOf(m);
      assert.ok(s, `intersection member ${m} is an object type`);
      for (const [k, v] of s.props) props.set(k, v);
    }
    return { props, names: members };
  }
  const e = expr.trim();
  if (e.startsWith('{') && e.endsWith('}')) return { props: inlineProps(e.slice(1, -1)), names: [] };
  const def = defs.get(e);
  if (!def) return null;
  if (def.props) return { props: def.props, names: [e] };
  const s = shapeOf(def.expr);
  return s && { props: s.props, names: [e, ...s.names] };
}

/** Type names met in the samples (to check the fixtures cover the main records). */
const seen = new Set();

/**
 * Compares a JSON value with a type expression; returns the differences found, with paths.
 * @returns {string[]}
 */
function compare(expr, value, path) {
  const alternatives = splitTop(expr, '|').filter((a) => a !== 'null' && a !== 'undefined');
  if (value === null) return [];
  if (alternatives.length !== 1) return [];
  const e = alternatives[0];
  if (e.endsWith('[]') && splitTop(e, '&').length === 1) {
    if (!Array.isArray(value)) return [`${path}: an array expected`];
    return value.flatMap((v, i) => compare(e.slice(0, -2), v, `${path}[${i}]`));
  }
  const shape = shapeOf(e);
  if (!shape) return [];
  if (typeof value !== 'object' || Array.isArray(value)) return [`${path}: an object expected (${e})`];
  for (const n of shape.names) seen.add(n);
  const problems = [];
  for (const key of Object.keys(value)) {
    if (!shape.props.has(key)) problems.push(`${path}.${key}: in the JSON, missing from the typedef ${e}`);
  }
  for (const [key, p] of shape.props) {
    if (!(key in value)) {
      if (!p.optional) problems.push(`${path}.${key}: in the typedef ${e}, missing from the JSON (write [${key}] if optional)`);
      continue;
    }
    problems.push(...compare(p.type, value[key], `${path}.${key}`));
  }
  return problems;
}

/** fixture file → the type it is an instance of */
const SAMPLES = {
  'status.json': 'AgencyStatus',
  'clientList.json': 'ClientListPage',
  'clientSearch.json': 'ClientSummary[]',
  'client.json': 'ClientRecord',
  'contract.json': 'ContractRecord',
  'claimPage.json': 'ClaimPage',
  'claimsOpen.json': 'OpenClaim[]',
  'vehicles.json': 'VehicleRecord[]',
  'drivers.json': 'DriverRecord[]',
  'insurers.json': 'InsurerRecord[]',
  'timeline.json': 'Timeline',
  'releve.json': 'ReleveResult',
  'releveList.json': 'ReleveEntry[]',
  'clientTimeline.json': 'Timeline',
  'search.json': 'SearchResults',
  'claimsList.json': 'ClaimListPage',
  'clientExchanges.json': 'ClientExchange[]',
};

const load = (file) => JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8'));

test('the typedef parser reads the file', () => {
  assert.ok(defs.size > 40, `${defs.size} typedefs`);
  assert.deepEqual([...defs.get('Household').props.keys()], ['id', 'members']);
  assert.equal(defs.get('ClientRecord').expr, 'ClientInput & ClientRecordExtra');
  assert.equal(defs.get('ClientRecordExtra').props.get('version').optional, true);
});

test('the comparison catches a field missing on either side', () => {
  const sample = load('claimsOpen.json')[0];
  assert.deepEqual(compare('OpenClaim', sample, 'x'), []);
  const { ageDays, ...without } = sample;
  assert.match(compare('OpenClaim', without, 'x').join('\n'), /x\.ageDays: in the typedef OpenClaim, missing from the JSON/);
  assert.match(compare('OpenClaim', { ...sample, extra: 1 }, 'x').join('\n'), /x\.extra: in the JSON, missing from the typedef/);
  assert.equal(ageDays >= 0, true);
});

for (const [file, type] of Object.entries(SAMPLES)) {
  test(`${file} has the shape of ${type} (api/types.js)`, () => {
    assert.deepEqual(compare(type, load(file), type), []);
  });
}

test('the samples cover the main records, nested ones included', () => {
  for (const [file, type] of Object.entries(SAMPLES)) compare(type, load(file), type);
  for (const name of [
    'AgencyStatus', 'ClientListPage', 'ClientSummary', 'ClientRecord', 'ClientInput', 'Household',
    'ContractRecord', 'ContractEvent', 'RevisionRecord', 'ClaimRecord', 'ClaimPage', 'Qualification',
    'ClaimStatusEntry', 'AmountRecord', 'PartyRecord', 'CommunicationRecord', 'VehicleRecord',
    'DriverRecord', 'OpenClaim', 'InsurerRecord', 'Timeline', 'TimelineEntry', 'ReleveResult',
    'AggravationRecord', 'Surcharge',
  ]) assert.ok(seen.has(name), `no sample reached ${name}: add one to refresh.sh`);
});
