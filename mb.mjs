import 'reflect-metadata';
import postgres from 'postgres';

const cfgMod = await import('./dist/src/config.js');
const config = (cfgMod.loadConfig ?? cfgMod.parseConfig ?? cfgMod.readConfig)({ ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/parley_bench_small', LOG_LEVEL: 'silent' });
const { openDatabase } = await import('./dist/src/db/client.js');
const { findCallPage } = await import('./dist/src/calls/call.repository.js');
const pino = (await import('pino')).default;
const h = await openDatabase(config, pino({ level: 'silent' }));
const sql = postgres('postgres://postgres@127.0.0.1:5432/parley_bench_small', { max: 1 });
const q = { filter: { agentId: 'AGENT-001' }, order: 'START_TIME_DESC', limit: 51, offset: 0, after: null };
const cpu = async (name, fn, n = 2000) => { for (let i = 0; i < 200; i++) await fn(); const c0 = process.cpuUsage(); for (let i = 0; i < n; i++) await fn(); const c = process.cpuUsage(c0); console.log(name, ((c.user + c.system) / n / 1000).toFixed(3), 'ms CPU/op'); };
for (let r = 0; r < 2; r++) {
await cpu('findCallPage (drizzle+mapping)', () => findCallPage(h.db, q));
await cpu('raw postgres.js hand SQL', () => sql`select c.call_id as "callId", c.start_time as "startTime", c.customer_sentiment_score as "customerSentimentScore", a.name as "agentName", cu.name as "customerName" from calls c join agents a on a.agent_id = c.agent_id join customers cu on cu.customer_id = c.customer_id where c.agent_id = ${'AGENT-001'} order by c.start_time desc, c.call_id desc limit 50`);
}
await h.close(); await sql.end();
