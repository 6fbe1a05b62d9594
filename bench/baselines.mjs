// The two ceilings measured in the same run: a bare Node server with the app's own bytes, and the
// app's prerendered static page GET /about (see app/about/route.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runLoad } from './load.mjs';
import { BENCH_DIR, OUT_DIR } from './options.mjs';
import { freePort } from './server.mjs';

/** Starts bench/bare-server.mjs serving /lesson and /handout.pdf from the captured files. */
export async function startBareServer(captured) {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const files = {
    lesson: [path.join(OUT_DIR, 'captured-lesson.html'), captured.lessonType],
    pdf: [path.join(OUT_DIR, 'captured-handout.pdf'), 'application/pdf'],
  };
  fs.writeFileSync(files.lesson[0], captured.lesson);
  fs.writeFileSync(files.pdf[0], captured.pdf);
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [path.join(BENCH_DIR, 'bare-server.mjs'), String(port), `/lesson=${files.lesson.join(':')}`, `/handout.pdf=${files.pdf.join(':')}`],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`bare server exited ${code}`)));
  });
  return { pid: child.pid, baseUrl: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

export async function runBaselines({ app, captured, scale, log }) {
  const bare = await startBareServer(captured);
  const common = { duration: scale.duration, warmup: scale.warmup, quietWaitMs: scale.quietWaitMs };
  const results = [];
  try {
    for (const connections of [50, 100]) {
      results.push(
        await runLoad({
          ...common,
          id: `about@${connections}`,
          name: `ceiling: the app server, static GET /about @${connections}`,
          baseUrl: app.baseUrl,
          request: { path: '/about' },
          connections,
          serverPid: app.serverPid(),
        }),
      );
      log(results.at(-1));
    }
    results.push(
      await runLoad({
        ...common,
        id: 'bare-html@50',
        name: 'ceiling: bare node:http, lesson HTML bytes @50',
        baseUrl: bare.baseUrl,
        request: { path: '/lesson' },
        connections: 50,
        serverPid: bare.pid,
      }),
    );
    log(results.at(-1));
    results.push(
      await runLoad({
        ...common,
        id: 'bare-pdf@50',
        name: 'ceiling: bare node:http, handout PDF bytes @50',
        baseUrl: bare.baseUrl,
        request: { path: '/handout.pdf' },
        connections: 50,
        serverPid: bare.pid,
      }),
    );
    log(results.at(-1));
  } finally {
    bare.stop();
  }
  const [about50, about100, bareHtml, barePdf] = results;
  return { results, about50, about100, bareHtml, barePdf };
}
