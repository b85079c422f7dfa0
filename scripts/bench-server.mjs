#!/usr/bin/env node
/**
 * `npm run bench:server`: the reference server under load, on loopback only, bounded in time
 * (about 40 s). The server runs in a child process (scripts/bench-server-target.mjs) so that its
 * resident memory is its own. Beside each run's HTTP figures, the delay of the server's event loop
 * (p50/p99/max: how long a timer waited for the loop), the share of the run the loop was busy, and the
 * CPU time of the loop's thread and of the whole process (workers included) during the run. Printed, not gated:
 * 1. invitation GETs alone (10 connections);
 * 2. 1 MiB application POSTs alone, at 20 per second (each with its own invitation and key);
 * 3. both together;
 * 4. memory growth while 40 uploads of 8 MB with unknown tokens arrive at once.
 *
 *   npm run bench:server [-- --seconds 5]   (BENCH_DATABASE_URL=postgres://… to bench PostgreSQL)
 */
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';

const secondsArgument = process.argv.indexOf('--seconds');
const SECONDS = secondsArgument > 0 ? Number(process.argv[secondsArgument + 1]) : 5;
const POSTS_PER_SECOND = 20;
const UPLOADS = 40;
const UPLOAD_BYTES = 8 * 1000 * 1000;
const MiB = 1024 * 1024;
const SETTLE_MS = 2000;

const target = fork(fileURLToPath(new URL('./bench-server-target.mjs', import.meta.url)), {
  // BENCH_PROFILE=<dir>: a CPU profile of the server process, to open in Chrome's DevTools.
  execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const replies = [];
target.on('message', (message) => {
  const waiting = replies.findIndex((reply) => reply.type === message.type);
  if (waiting !== -1) replies.splice(waiting, 1)[0].resolve(message);
});
const ask = (message, replyType) =>
  new Promise((resolve) => {
    replies.push({ type: replyType, resolve });
    if (message) target.send(message);
  });

const { url } = await ask(undefined, 'ready');
const rss = async () => (await ask({ type: 'rss' }, 'rss')).rss;
const { tokens } = await ask({ type: 'invite', count: 1 + 4 * POSTS_PER_SECOND * SECONDS + 40 }, 'invited');
const getToken = tokens.pop();

/** A valid PDF padded to `size` bytes with a comment line after its header. */
function paddedPdf(size) {
  const tail = '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n0\n%%EOF\n';
  const head = '%PDF-1.4\n%';
  return Buffer.concat([Buffer.from(head), Buffer.alloc(size - head.length - tail.length - 1, 0x78), Buffer.from(`\n${tail}`)]);
}

function applicationJson(token) {
  return JSON.stringify({
    token,
    terms: { service: true, certificate: true },
    company: { kind: 'corporation', corporateNumber: '7000012050002', name: '株式会社山田建設', nameKana: 'ヤマダケンセツ', address: '東京都港区新橋2-4-1', representative: '山田 太郎' },
    adminUser: { name: '山田 花子', nameKana: 'ヤマダ　ハナコ', department: '総務部', title: '課長', address: '東京都港区新橋2-4-1', phone: '0335954605', email: 'hanako@example.co.jp' },
    certificate: { companyNameAlpha: 'YAMADA KENSETSU', departmentJa: '本社', departmentAlpha: 'HONSHA', titleJa: '社長', titleAlpha: 'PRESIDENT', nameAlpha: 'TARO YAMADA' },
    locale: 'ja',
  });
}

const BOUNDARY = 'cecbenchboundary7MA4YWxkTrZu0gW';
function multipart(token, pdf) {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="application"\r\nContent-Type: application/json\r\n\r\n${applicationJson(token)}\r\n`),
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="document"; filename="bench.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    pdf,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

const onePdf = paddedPdf(MiB);

// One upload before the runs, as a server that has been up a while has had: the code is compiled and
// the document-check worker (started by the first upload, about half a second) is running.
const warmUp = await fetch(`${url}/api/applications`, {
  method: 'POST',
  headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, 'Idempotency-Key': crypto.randomUUID() },
  body: multipart(tokens.pop(), onePdf),
});
if (warmUp.status !== 201) throw new Error(`warm-up upload: ${warmUp.status} ${await warmUp.text()}`);
let nextPost = 0;
const postRequest = {
  method: 'POST',
  path: '/api/applications',
  setupRequest: (req) => {
    const token = tokens[nextPost % tokens.length];
    nextPost += 1;
    return {
      ...req,
      headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, 'Idempotency-Key': crypto.randomUUID() },
      body: multipart(token, onePdf),
    };
  },
};
const getOptions = { url, connections: 10, duration: SECONDS, requests: [{ method: 'GET', path: `/api/invitations/${getToken}` }] };
const postOptions = { url, connections: 20, duration: SECONDS, overallRate: POSTS_PER_SECOND, requests: [postRequest] };

/**
 * Runs autocannon while sampling the server's RSS every 100 ms and its event-loop delay; returns the
 * result, the RSS peak and the delay.
 */
async function measured(run) {
  let peak = await rss();
  await ask({ type: 'loop-start' }, 'loop-started');
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await rss());
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const result = await run();
  sampling = false;
  await sampler;
  const loop = await ask({ type: 'loop-stop' }, 'loop');
  // autocannon paces 20/s as a burst of 20 each second (every connection's 1 s timer ticks together)
  // and abandons the last burst when its time is up; the server still finishes those. Let it, or
  // the next run's first burst meets them at the upload gate (32 at once) and gets 503s.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return { result, peak, loop };
}

const line = (label, result, { peak, loop }) => {
  const statuses = Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => `${code}×${count}`).join(' ');
  const delay = `loop delay p50 ${loop.p50} p99 ${loop.p99} max ${loop.max} ms, busy ${loop.busy} %, CPU loop ${loop.loopCpuMs} / all ${loop.allCpuMs} ms`;
  return `${label.padEnd(24)} ${String(Math.round(result.requests.average)).padStart(6)} req/s   p50 ${String(result.latency.p50).padStart(5)} ms   p99 ${String(result.latency.p99).padStart(5)} ms   RSS peak ${(peak / MiB).toFixed(0)} MiB   ${delay}   ${statuses}${result.errors ? `   errors ${result.errors}` : ''}`;
};

console.log(`Reference server on ${url} (loopback), ${SECONDS} s per run${process.env.BENCH_DATABASE_URL ? ', PostgreSQL' : ', SQLite'}`);
const getsAlone = await measured(() => autocannon(getOptions));
console.log(line('GET invitation alone', getsAlone.result, getsAlone));
const postsAlone = await measured(() => autocannon(postOptions));
console.log(line(`POST 1 MiB alone (${POSTS_PER_SECOND}/s)`, postsAlone.result, postsAlone));
const together = await measured(() => Promise.all([autocannon(getOptions), autocannon(postOptions)]));
console.log(line('GET, with POSTs', together.result[0], together));
console.log(line(`POST 1 MiB, with GETs`, together.result[1], together));

// 40 uploads of 8 MB with unknown tokens, all at once; growth = peak RSS during them − RSS before.
await new Promise((resolve) => setTimeout(resolve, 500));
const before = await rss();
const bigPdf = paddedPdf(UPLOAD_BYTES);
let uploadPeak = before;
let uploading = true;
const sampler = (async () => {
  while (uploading) {
    uploadPeak = Math.max(uploadPeak, await rss());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
})();
const started = performance.now();
const statuses = await Promise.all(
  Array.from({ length: UPLOADS }, (_, index) =>
    new Promise((resolve) => {
      const body = multipart(`unknown-token-${index}-${'x'.repeat(30)}`, bigPdf);
      const req = request(`${url}/api/applications`, {
        method: 'POST',
        headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, 'Content-Length': body.length, 'Idempotency-Key': crypto.randomUUID() },
      });
      req.on('response', (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      });
      // A refused upload may be answered (and its connection closed) before its body is all sent.
      req.on('socket', (socket) => socket.on('error', () => {}));
      req.on('error', () => resolve('reset'));
      req.end(body);
    }),
  ),
);
const uploadMs = performance.now() - started;
uploading = false;
await sampler;
const counts = {};
for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
console.log(
  `${UPLOADS} × 8 MB, unknown tokens: RSS ${(before / MiB).toFixed(0)} → peak ${(uploadPeak / MiB).toFixed(0)} MiB (growth ${((uploadPeak - before) / MiB).toFixed(0)} MiB, target < 150), all answered in ${Math.round(uploadMs)} ms: ${Object.entries(counts).map(([status, count]) => `${status}×${count}`).join(' ')}`,
);

target.send({ type: 'stop' });
await new Promise((resolve) => target.once('exit', resolve));
