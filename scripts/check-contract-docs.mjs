#!/usr/bin/env node
// Checks that the served schema carries every docstring of the public contract,
// so Sandbox documents itself. CI runs it next to the contract's own check:
//   node scripts/check-contract-docs.mjs <contract.graphql> [schema.graphql]
// (The contract lives outside this repository; `npm test` never reads it.)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.cwd(), 'package.json'));
const { buildSchema } = require('graphql');

const [contractPath, servedPath = 'schema.graphql'] = process.argv.slice(2);
if (!contractPath) {
  console.error('usage: node scripts/check-contract-docs.mjs <contract.graphql> [schema.graphql]');
  process.exit(2);
}
const contract = buildSchema(readFileSync(contractPath, 'utf8'));
const served = buildSchema(readFileSync(servedPath, 'utf8'));

const missing = [];
for (const type of Object.values(contract.getTypeMap())) {
  if (type.name.startsWith('__')) continue;
  const mine = served.getType(type.name);
  if (type.description && mine?.description !== type.description) missing.push(type.name);
  if ('getFields' in type && mine && 'getFields' in mine) {
    const myFields = mine.getFields();
    for (const field of Object.values(type.getFields())) {
      if (field.description && myFields[field.name]?.description !== field.description) missing.push(`${type.name}.${field.name}`);
    }
  }
  if ('getValues' in type && mine && 'getValue' in mine) {
    for (const value of type.getValues()) {
      if (value.description && mine.getValue(value.name)?.description !== value.description) missing.push(`${type.name}.${value.name}`);
    }
  }
}
for (const name of missing) console.log(`docstring missing or different: ${name}`);
console.log(missing.length === 0 ? `every contract docstring is in ${servedPath}` : `${missing.length} contract docstrings missing from ${servedPath}`);
process.exit(missing.length === 0 ? 0 : 1);
