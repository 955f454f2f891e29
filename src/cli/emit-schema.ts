import 'reflect-metadata';
import path from 'node:path';
import { emitSchemaFile } from '../schema.js';

// Writes schema.graphql at the project root (or the path given), from the code.
const target = path.resolve(process.argv[2] ?? 'schema.graphql');
await emitSchemaFile(target);
process.stdout.write(`wrote ${target}\n`);
