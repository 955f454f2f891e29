import { type DocumentNode, execute, type ExecutionResult, type GraphQLError, type GraphQLSchema, Kind, type OperationDefinitionNode } from 'graphql';
import { compileQuery, type CompiledQuery, isCompiledQuery } from 'graphql-jit';

/**
 * GraphQL execution through graphql-jit: each operation is compiled once into
 * a plain function (no per-field dispatch, no resolve-info objects unless a
 * resolver reads them), then run for every request that sends it. Apollo
 * still parses and validates (and caches the parsed document by query hash),
 * so the compiled plan is kept per document object and dies with it.
 *
 * Apollo Server takes a custom executor only through its gateway interface;
 * this is that interface around one fixed schema. Introspection,
 * subscriptions and anything graphql-jit declines to compile run on
 * graphql-js's own `execute`, as before.
 */

type Plan = CompiledQuery | 'graphql-js';

interface ExecutorRequest {
  readonly document: DocumentNode;
  readonly operationName: string | null;
  readonly operation: OperationDefinitionNode;
  readonly context: Record<string, any>;
  readonly request: { readonly variables?: Record<string, any> };
}

/** The part of Apollo's GatewayInterface this needs (structurally the same type). */
export interface JitGateway {
  load(options: { apollo: unknown }): Promise<{ executor: (request: ExecutorRequest) => Promise<ExecutionResult> }>;
  onSchemaLoadOrUpdate(callback: (schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void): () => void;
  stop(): Promise<void>;
}

/** Top-level introspection fields; such operations go to graphql-js (rare, and its answers are the reference). */
function isIntrospection(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'));
}

/**
 * graphql-jit's errors leave `extensions` undefined when the original error has none, where
 * graphql-js always has an object; Apollo reads `extensions.code` unguarded. Same error, with {}.
 */
function withExtensions(error: GraphQLError): GraphQLError {
  return error.extensions ? error : (Object.create(error, { extensions: { value: {}, enumerable: false } }) as GraphQLError);
}

export function jitGateway(schema: GraphQLSchema): JitGateway {
  // Per parsed document, per operation name ('' for the only one).
  const plans = new WeakMap<DocumentNode, Map<string, Plan>>();

  const planFor = (document: DocumentNode, operationName: string | null, operation: OperationDefinitionNode): Plan => {
    let byName = plans.get(document);
    if (!byName) {
      byName = new Map();
      plans.set(document, byName);
    }
    const key = operationName ?? '';
    let plan = byName.get(key);
    if (!plan) {
      if (operation.operation !== 'query' && operation.operation !== 'mutation') plan = 'graphql-js';
      else if (isIntrospection(operation)) plan = 'graphql-js';
      else {
        const compiled = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
        plan = isCompiledQuery(compiled) ? compiled : 'graphql-js';
      }
      byName.set(key, plan);
    }
    return plan;
  };

  const executor = async ({ document, operationName, operation, context, request }: ExecutorRequest): Promise<ExecutionResult> => {
    const plan = planFor(document, operationName, operation);
    if (plan === 'graphql-js') {
      return execute({ schema, document, contextValue: context, variableValues: request.variables, operationName });
    }
    const result = await plan.query(undefined, context, request.variables ?? {});
    // No data at all: the variables did not coerce. graphql-js words those errors with the
    // scalar's own reason ("…; DateTime must be an ISO-8601 …"); clients get its words.
    if (result.data === undefined && result.errors?.length) {
      return execute({ schema, document, contextValue: context, variableValues: request.variables, operationName });
    }
    if (result.errors) result.errors = result.errors.map(withExtensions);
    return result;
  };

  return {
    load: async () => ({ executor }),
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    stop: async () => {},
  };
}
