import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the operations a dashboard sends (test/operations),
 * checked against the committed schema.graphql. The integration tests use
 * them; CI fails when the generated file is out of date (`npm run codegen`).
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: 'test/operations/*.graphql',
  generates: {
    'test/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        scalars: { DateTime: 'string', Date: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
      },
    },
  },
};

export default config;
