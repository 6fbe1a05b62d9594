// The machine's ceiling: a bare node:http server answering from memory with bytes captured from the app.
// node bench/bare-server.mjs <port> <route>=<file>:<content-type> ...
import fs from 'node:fs';
import http from 'node:http';

const [port, ...routes] = process.argv.slice(2);
const table = new Map(
  routes.map((r) => {
    const [route, rest] = r.split('=');
    const i = rest.lastIndexOf(':');
    return [route, { body: fs.readFileSync(rest.slice(0, i)), type: rest.slice(i + 1) }];
  }),
);

http
  .createServer((req, res) => {
    const hit = table.get(req.url.split('?')[0]);
    if (!hit) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': hit.type, 'content-length': hit.body.length });
    res.end(hit.body);
  })
  .listen(Number(port), '127.0.0.1', () => console.log('ready'));
