import http from 'node:http';
import postgres from 'postgres';

/*
 * The yardstick of `npm run bench`: what a careful person would write by hand
 * for each dashboard query, against Parley's own tables. node:http and
 * postgres.js, one route per scenario, one statement per request, one
 * JSON.stringify, no GraphQL. The bench runs it as its own process next to
 * the gateway and reports Parley's rate as a ratio of this one's.
 *
 *   node dist/bench/handwritten.js   (DATABASE_URL, PORT; prints "listening <port>")
 */

const sql = postgres(process.env.DATABASE_URL!, { max: Number(process.env.POOL ?? 10), onnotice: () => {} });

type Route = (params: URLSearchParams) => Promise<unknown>;

const ROUTES: Record<string, Route> = {
  /** 50 recent calls of one agent, with agent and customer names. */
  '/agent-calls': async (p) =>
    sql`select c.call_id as "callId", c.start_time as "startTime", c.customer_sentiment_score as "customerSentimentScore",
          a.name as "agentName", cu.name as "customerName"
        from calls c join agents a on a.agent_id = c.agent_id join customers cu on cu.customer_id = c.customer_id
        where c.agent_id = ${p.get('agentId')!}
        order by c.start_time desc, c.call_id desc limit 50`,

  /** One call by callId, with agent, customer and transcript. */
  '/call': async (p) => {
    const [row] = await sql`select c.call_id as "callId", c.start_time as "startTime", c.duration_seconds as "durationSeconds",
          c.customer_sentiment_score as "customerSentimentScore", c.transcript, a.name as "agentName", cu.name as "customerName"
        from calls c join agents a on a.agent_id = c.agent_id join customers cu on cu.customer_id = c.customer_id
        where c.call_id = ${p.get('callId')!}`;
    return row ?? null;
  },

  /** Agent leaderboard, top 20 by average sentiment: a live GROUP BY, as one would write without views. */
  '/leaderboard': async () =>
    sql`select a.agent_id as "agentId", a.name, s.total as "totalCalls", s.avg_sentiment as "avgSentiment"
        from (select agent_id, count(*)::int as total, avg(customer_sentiment_score) as avg_sentiment from calls group by agent_id) s
        join agents a on a.agent_id = s.agent_id
        order by s.avg_sentiment desc, s.agent_id limit 20`,

  /** Ranked full-text search, 20 hits, no headline: exact ts_rank over every match. */
  '/search': async (p) =>
    sql`select c.call_id as "callId", ts_rank(c.search_vector, q) as rank, a.name as "agentName"
        from calls c cross join websearch_to_tsquery('english', ${p.get('q')!}) q join agents a on a.agent_id = c.agent_id
        where c.search_vector @@ q
        order by rank desc, c.call_id desc limit 20`,

  /** A filtered page: sentiment, duration and a time range, deep offset. */
  '/filtered': async (p) =>
    sql`select call_id as "callId", customer_sentiment_score as "customerSentimentScore", duration_seconds as "durationSeconds"
        from calls
        where customer_sentiment_score <= -0.5 and duration_seconds > 600
          and start_time >= ${p.get('from')!}::timestamptz and start_time < ${p.get('to')!}::timestamptz
        order by start_time desc, call_id desc limit 50 offset 500`,

  /** The five nearest calls by embedding (HNSW), same model, not the call itself. */
  '/similar': async (p) =>
    sql.begin(async (tx) => {
      await tx`set local hnsw.ef_search = 64`;
      return tx`select n.call_id as "callId", 1 - (n.embedding <=> s.embedding) as similarity
        from calls s cross join lateral (
          select c.call_id, c.embedding from calls c
          where c.embedding_model = s.embedding_model and c.id <> s.id
          order by c.embedding <=> s.embedding limit 5) n
        where s.call_id = ${p.get('callId')!}`;
    }),
};

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const route = ROUTES[url.pathname];
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = JSON.stringify(await route(url.searchParams));
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  } catch (err) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end((err as Error).message);
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as { port: number }).port}\n`);
});
process.on('SIGTERM', () => server.close(() => sql.end({ timeout: 1 }).then(() => process.exit(0))));
