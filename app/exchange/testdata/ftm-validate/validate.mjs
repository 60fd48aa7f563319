// validate.mjs checks FollowTheMoney exports against the real FtM model, the
// one the pinned @alephdata/followthemoney package ships (the model Aleph's
// own interface is built on), rather than against Bollard's idea of it.
//
// usage: node validate.mjs EXPORT.ftm.json...
//
// Each file is one export, one entity a line, and must stand on its own: a
// reference to an entity of another file does not resolve. Every problem is
// written to stderr as "FILE:LINE: Schema id: what is wrong"; the last line
// on stdout is a JSON summary (model, files, entities, invalid,
// references, unresolved, schemata) for the Go test to read. The exit status is 0 only
// when every entity is valid and every reference resolves; 2 for bad usage.
//
// What "valid" means here:
//   - the line is a JSON object of exactly id, schema and properties;
//   - the schema exists and is not abstract (Aleph refuses abstract ones);
//   - every property belongs to the schema (the package's Entity refuses the
//     entity otherwise) and holds a non-empty list of non-empty strings;
//   - the properties the schema requires, its own and its parents' (Thing
//     requires a name of every thing), are present;
//   - an edge schema (Payment, Ownership, ProjectParticipant…) has both the
//     ends Aleph draws it between;
//   - an entity-typed property names an entity of the same file whose
//     schema is the property's range or a descendant of it;
//   - values fit their type where the model says how: the length limits of
//     the property or its type, the closed lists of country, language,
//     topic and gender codes; dates are ISO 8601 as FtM writes them, and
//     IBANs pass their check digits.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ftm from '@alephdata/followthemoney';

const { Model, defaultModel } = ftm;
const model = new Model(defaultModel);

// The model checked against is the pinned one: a node_modules left from
// before the pin was moved would check against another version of FtM.
const require = createRequire(import.meta.url);
const readJSON = (path) => JSON.parse(readFileSync(path, 'utf8'));
const pinned = readJSON(new URL('./package.json', import.meta.url)).dependencies['@alephdata/followthemoney'];
const installed = readJSON(require.resolve('@alephdata/followthemoney/package.json')).version;
if (installed !== pinned) {
  console.error(`validate.mjs: @alephdata/followthemoney ${installed} is installed, ${pinned} is pinned: run make deps-test`);
  process.exit(2);
}

// FtM's dates: a year, month, day, hour, minute or second prefix of an ISO
// 8601 timestamp, as followthemoney's date type writes them.
const isoDate = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

function ibanValid(v) {
  const s = v.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const digits = (s.slice(4) + s.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

// required are the properties a schema and every schema it extends require.
function required(schema) {
  const names = new Set(schema.required);
  for (const parent of schema.getParents()) parent.required.forEach((n) => names.add(n));
  return [...names];
}

function checkValue(prop, value) {
  if (typeof value !== 'string' || value.trim() === '') return 'an empty or non-string value';
  const limit = prop.maxLength || prop.type.maxLength;
  if (limit && value.length > limit) return `a value longer than ${limit} characters`;
  if (prop.type.values.size > 0 && !prop.type.values.has(value)) return `"${value}" is no ${prop.type.name} code`;
  if (prop.type.name === 'date' && !isoDate.test(value)) return `"${value}" is no ISO 8601 date`;
  if (prop.type.name === 'iban' && !ibanValid(value)) return `"${value}" is no valid IBAN`;
  return null;
}

// checkEntity returns the problems of one parsed line, and the references
// it makes as [property, target id, range schema].
function checkEntity(raw) {
  const problems = [];
  const refs = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { problems: ['not a JSON object'], refs };
  for (const key of Object.keys(raw)) {
    if (!['id', 'schema', 'properties'].includes(key)) problems.push(`key "${key}" is not part of an FtM entity`);
  }
  if (typeof raw.id !== 'string' || raw.id === '') problems.push('no id');
  const schema = model.schemata[raw.schema];
  if (!schema) return { problems: [...problems, `no schema "${raw.schema}" in FtM`], refs };
  if (schema.abstract) problems.push(`${schema.name} is abstract`);
  const props = raw.properties ?? {};
  if (typeof props !== 'object' || Array.isArray(props)) return { problems: [...problems, 'properties is not an object'], refs };
  for (const [name, values] of Object.entries(props)) {
    if (!schema.hasProperty(name)) {
      problems.push(`${schema.name} has no property "${name}"`);
      continue;
    }
    const prop = schema.getProperty(name);
    if (!Array.isArray(values) || values.length === 0) {
      problems.push(`${name} is not a list of values`);
      continue;
    }
    for (const v of values) {
      const wrong = checkValue(prop, v);
      if (wrong) problems.push(`${name}: ${wrong}`);
      else if (prop.type.isEntity) refs.push([name, v, prop.getRange()]);
    }
  }
  for (const name of required(schema)) {
    if (!props[name]?.length) problems.push(`required ${name} is missing`);
  }
  if (schema.edge) {
    for (const end of [schema.edge.source, schema.edge.target]) {
      if (!props[end]?.length) problems.push(`no ${end}: the edge has no end in Aleph's graph`);
    }
  }
  if (problems.length === 0) {
    try {
      model.getEntity(raw).getCaption(); // the package itself reads it as Aleph would
    } catch (err) {
      problems.push(`the FtM package refuses it: ${err.message}`);
    }
  }
  return { problems, refs };
}

function validateFile(path, sum) {
  const seen = new Map(); // id → schema
  const pending = []; // references, resolved once the whole file is read
  const lines = readFileSync(path, 'utf8').split('\n');
  let invalid = 0;
  const report = (n, raw, msg) => console.error(`${path}:${n}: ${raw?.schema ?? '?'} ${raw?.id ?? '?'}: ${msg}`);
  const bad = new Set();
  lines.forEach((text, i) => {
    const n = i + 1;
    if (text.trim() === '') return;
    sum.entities++;
    let raw;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      report(n, null, `not JSON: ${err.message}`);
      invalid++;
      return;
    }
    const { problems, refs } = checkEntity(raw);
    if (typeof raw?.id === 'string' && seen.has(raw.id)) problems.push('the id is used twice');
    if (typeof raw?.id === 'string') seen.set(raw.id, model.schemata[raw.schema]);
    problems.forEach((p) => report(n, raw, p));
    if (problems.length > 0) {
      invalid++;
      bad.add(n);
    } else {
      sum.schemata[raw.schema] = (sum.schemata[raw.schema] ?? 0) + 1;
    }
    refs.forEach(([prop, target, range]) => pending.push({ n, raw, prop, target, range }));
  });
  for (const { n, raw, prop, target, range } of pending) {
    sum.references++;
    const schema = seen.get(target);
    let wrong = null;
    if (!seen.has(target)) wrong = `${prop} names ${target}, which is not in the file`;
    else if (schema && !schema.isA(range)) wrong = `${prop} names a ${schema.name}, not a ${range.name}`;
    if (wrong) {
      sum.unresolved++;
      report(n, raw, wrong);
      if (!bad.has(n)) {
        bad.add(n);
        invalid++;
      }
    }
  }
  sum.invalid += invalid;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate.mjs EXPORT.ftm.json...');
  process.exit(2);
}
const sum = { model: installed, files: files.length, entities: 0, invalid: 0, references: 0, unresolved: 0, schemata: {} };
for (const f of files) validateFile(f, sum);
console.log(JSON.stringify(sum));
process.exit(sum.invalid === 0 && sum.unresolved === 0 ? 0 : 1);
