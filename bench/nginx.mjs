// nginx in front of N app processes for the scale-out scenarios, run as the current user from a temp
// prefix. The upstream is deploy/nginx/kko-teach-upstream.conf and the proxying is the `location /`
// block of deploy/nginx/kko-teach.conf, both read from the repo: the bench runs what the README
// deploys, minus TLS (the bench measures the app processes, not the handshake).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './options.mjs';

export function findNginx() {
  return ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p)) ?? null;
}

/** The site for `ports`: the committed upstream with its servers filled in, and the committed location block. */
export function benchSite({ listenPort, ports }) {
  const upstream = fs
    .readFileSync(path.join(ROOT, 'deploy/nginx/kko-teach-upstream.conf'), 'utf8')
    .replace(/^#.*\n/gm, '')
    .replace('{{SERVERS}}', ports.map((p) => `server 127.0.0.1:${p} max_fails=0;`).join('\n    '));
  const site = fs.readFileSync(path.join(ROOT, 'deploy/nginx/kko-teach.conf'), 'utf8');
  const location = /^ {4}location \/ \{[\s\S]*?^ {4}\}/m.exec(site)?.[0];
  if (!location) throw new Error('deploy/nginx/kko-teach.conf has no `location / { … }` block');
  const body = location.replace('{{APP}}', 'kko_teach');
  const conf = `${upstream}\nserver {\n    listen 127.0.0.1:${listenPort};\n    client_max_body_size 5m;\n${body}\n}\n`;
  if (/\{\{[A-Z_]+\}\}/.test(conf)) throw new Error('an nginx placeholder was left unfilled');
  return conf;
}

function waitForPort(port, child, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`nginx exited with ${child.exitCode}`));
      const s = net.connect(port, '127.0.0.1', () => s.end(() => resolve()));
      s.on('error', () => (Date.now() > deadline ? reject(new Error(`nginx did not listen on ${port}`)) : setTimeout(attempt, 100)));
    };
    attempt();
  });
}

/** nginx (foreground, one worker per core) on `listenPort` balancing over the app `ports`. */
export async function startNginx({ listenPort, ports }) {
  const nginx = findNginx();
  if (!nginx) throw new Error('nginx is not installed (apt-get install nginx)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kko-bench-nginx-'));
  const tmp = path.join(dir, 'tmp');
  fs.mkdirSync(tmp);
  fs.writeFileSync(path.join(dir, 'site.conf'), benchSite({ listenPort, ports }));
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `worker_processes auto;
error_log ${dir}/error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  include ${dir}/site.conf;
}
`,
  );
  const args = ['-p', dir, '-e', `${dir}/error.log`, '-c', conf];
  execFileSync(nginx, [...args, '-t', '-q'], { stdio: 'pipe' });
  const child = spawn(nginx, [...args, '-g', 'daemon off;'], { stdio: 'ignore' });
  await waitForPort(listenPort, child);
  return {
    pid: child.pid,
    baseUrl: `http://127.0.0.1:${listenPort}`,
    dir,
    errors: () => fs.readFileSync(path.join(dir, 'error.log'), 'utf8'),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
