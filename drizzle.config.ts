import { defineConfig } from 'drizzle-kit';

// Generating migrations needs no database; `npm run db:migrate` applies them.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/db/schema/tables.ts', './src/db/schema/views.ts'],
  out: './drizzle',
});
