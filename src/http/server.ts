import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import express, { type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { type AppServices, type Context, createContext } from '../context.js';
import { createErrorFormatter } from './format-error.js';
import { graphiqlRouter } from './graphiql.js';
import { gzipResponses } from './gzip.js';
import { jitGateway } from './jit-executor.js';
import { health, readiness } from './health.js';
import { httpErrorHandler } from './http-errors.js';
import { requestLogger } from './request-logger.js';

export interface ServerDeps extends AppServices {
  schema: GraphQLSchema;
  pingDatabase: () => Promise<void>;
  /** For /ready: whether the analytics views include every committed call. */
  viewsState: () => Promise<string>;
}

export interface ParleyServer {
  httpServer: http.Server;
  /** Listens on the given port (0 = any free one) and resolves to the bound port. */
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting, drains in-flight requests, then resolves. Closing the pools is the caller's. */
  stop(): Promise<void>;
}

const responses = new WeakMap<Context, Response>();

/** Reports each operation's name and SQL statement count to the request log (and, if enabled, to the client). */
function observabilityPlugin(expose: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operationName }) {
          const res = responses.get(contextValue);
          if (res) {
            res.locals.operationName = operationName ?? undefined;
            res.locals.sqlStatements = contextValue.sqlStats.statements;
          }
          if (expose && response.body.kind === 'single') {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, sql: { statements: contextValue.sqlStats.statements } };
          }
        },
      };
    },
  };
}

export async function createServer(deps: ServerDeps): Promise<ParleyServer> {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  // An ETag is a hash of every response body; GraphQL clients and their caches do not use it.
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  const httpServer = http.createServer(app);
  // Longer than the idle timeouts of load balancers and HTTP clients (undici: 4 s),
  // so a connection is never closed by us at the moment a client reuses it.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;

  const apollo = new ApolloServer<Context>({
    ...(config.GRAPHQL_EXECUTOR === 'jit' ? { gateway: jitGateway(deps.schema) } : { schema: deps.schema }),
    introspection: config.GRAPHQL_INTROSPECTION,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown (drain, then close the pools); Apollo's own handler would re-raise the signal.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger),
    // Compact JSON: Apollo's default indents every response, which costs CPU and bytes.
    stringifyResult: (value) => JSON.stringify(value),
    // API keys travel in headers, which also marks a request as non-simple for CSRF purposes.
    csrfPrevention: { requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', 'x-api-key', 'authorization'] },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Nothing reads cache hints yet, and the plugin wraps every resolver to compute them.
      ApolloServerPluginCacheControlDisabled(),
      config.GRAPHQL_PLAYGROUND
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
      observabilityPlugin(config.EXPOSE_SQL_STATS),
    ],
  });
  await apollo.start();

  app.use(requestLogger(logger));
  app.get('/health', health);
  app.get('/ready', readiness({ ...deps, ping: { database: deps.pingDatabase } }, deps.viewsState));
  // GraphiQL's assets stream through `compression` (gzip or brotli); GraphQL bodies are gzipped whole.
  if (config.GRAPHQL_PLAYGROUND) app.use('/graphiql', compression({ threshold: 1024 }), graphiqlRouter('/graphql'));
  app.use(
    '/graphql',
    gzipResponses({ level: config.HTTP_GZIP_LEVEL, threshold: config.HTTP_GZIP_MIN_BYTES }),
    express.json({ limit: config.GRAPHQL_BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const ctx = createContext(deps, {
          requestId: res.locals.requestId,
          logger: () => res.locals.logger,
          viewer: { role: 'anonymous', clientId: 'anonymous' },
          sqlStats: { statements: 0 },
        });
        responses.set(ctx, res);
        return ctx;
      },
    }),
  );
  app.use(httpErrorHandler(logger));

  return {
    httpServer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    stop: () => apollo.stop(),
  };
}
