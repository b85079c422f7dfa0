/**
 * The server under test of `npm run bench:server`, in a process of its own so that its memory is
 * measured apart from the load generator. Started with `fork` (IPC): it starts the reference server on
 * 127.0.0.1 with a temporary data directory, issues invitations through the admin API, and answers
 * `{ type: 'rss' }` with its resident set size, `{ type: 'loop-start' }` / `{ type: 'loop-stop' }` with the
 * delay of its event loop in between, the share of that time the loop was busy and the CPU time used (far less sensitive than HTTP latency to other load on the machine,
 * since it counts only how long this process kept its own loop busy). Rate limits are raised for the run (a bench is one client).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createServer } from '../demo/server/app.ts';
import { seedOrderingCompany } from '../demo/server/ordering-companies.ts';

const API_KEY = 'bench-key';
const dataDir = mkdtempSync(join(tmpdir(), 'cec-bench-server-'));
const server = await createServer({
  dataDir,
  port: 0,
  allowedOrigins: [],
  log: () => {},
  rateLimits: 'off',
  ...(process.env.BENCH_DATABASE_URL ? { databaseUrl: process.env.BENCH_DATABASE_URL } : {}),
});
await seedOrderingCompany(server.database, { name: '発注建設株式会社', apiKey: API_KEY });

async function invite(count) {
  const tokens = [];
  for (let index = 0; index < count; index += 1) {
    const response = await fetch(`${server.url}/api/admin/invitations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        partner: { companyName: `株式会社ベンチ${index}`, contactName: '山田 太郎', email: `bench${index}@example.co.jp` },
      }),
    });
    if (response.status !== 201) throw new Error(`invitation ${index}: ${response.status} ${await response.text()}`);
    tokens.push((await response.json()).token);
  }
  return tokens;
}

// Sampled every 2 ms: a timer that fires late by d ms means the loop was busy for d ms.
const loopDelay = monitorEventLoopDelay({ resolution: 2 });
let utilizationAtStart = performance.eventLoopUtilization();

/**
 * CPU milliseconds used so far by the event loop's thread alone (Linux: its /proc task, in clock ticks
 * of 10 ms) and by the whole process (every worker thread too). Unlike latency, these barely move with
 * other load on the machine.
 */
function cpuMilliseconds() {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const { user, system } = process.cpuUsage();
  return { loop: (Number(fields[11]) + Number(fields[12])) * 10, all: (user + system) / 1000 };
}
let cpuAtStart = cpuMilliseconds();
const milliseconds = (nanoseconds) => Math.round(nanoseconds / 1e5) / 10;

process.on('message', async (message) => {
  if (message.type === 'loop-start') {
    loopDelay.reset();
    loopDelay.enable();
    utilizationAtStart = performance.eventLoopUtilization();
    cpuAtStart = cpuMilliseconds();
    process.send({ type: 'loop-started' });
  }
  if (message.type === 'loop-stop') {
    loopDelay.disable();
    const { utilization } = performance.eventLoopUtilization(utilizationAtStart);
    const cpu = cpuMilliseconds();
    process.send({
      type: 'loop',
      p50: milliseconds(loopDelay.percentile(50)),
      p99: milliseconds(loopDelay.percentile(99)),
      max: milliseconds(loopDelay.max),
      busy: Math.round(utilization * 100),
      loopCpuMs: cpu.loop - cpuAtStart.loop,
      allCpuMs: Math.round(cpu.all - cpuAtStart.all),
    });
  }
  if (message.type === 'rss') process.send({ type: 'rss', rss: process.memoryUsage().rss });
  if (message.type === 'invite') process.send({ type: 'invited', tokens: await invite(message.count) });
  if (message.type === 'stop') {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  }
});
process.send({ type: 'ready', url: server.url });
