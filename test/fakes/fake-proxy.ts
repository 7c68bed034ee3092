// A tiny forward proxy on 127.0.0.1: CONNECT tunnels and absolute-URI requests, as corporate proxies
// do. Host names are resolved through its own table only, so a test can use a host name (e.g.
// api.fake-openai.test) that nothing but the proxy can reach. It records what it was asked for, and
// can demand credentials (407) like an authenticating proxy.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface FakeProxy {
  url: string;
  port: number;
  /** "CONNECT host:port" or "GET http://host/path", in arrival order. */
  seen: string[];
  /** With `tls`: the server names (SNI) clients asked for, in arrival order. */
  sni: string[];
  close(): Promise<void>;
}

export interface ProxyOptions {
  /** host:port (or host, for port 80) -> where it really is. */
  hosts: Record<string, { host: string; port: number }>;
  /** Answer 407 to everything without this exact Proxy-Authorization header. */
  requireAuth?: string;
  /** Be an https:// proxy (TLS between client and proxy) with this certificate. */
  tls?: { key: string; cert: string };
}

export async function startFakeProxy(o: ProxyOptions): Promise<FakeProxy> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const lookup = (host: string, port: number) => o.hosts[`${host}:${port}`] ?? (port === 80 ? o.hosts[host] : undefined);
  const authorised = (header: string | undefined) => !o.requireAuth || header === o.requireAuth;

  const sni: string[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    seen.push(`${req.method} ${req.url}`);
    if (!authorised(req.headers['proxy-authorization'])) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
      return;
    }
    const target = new URL(req.url ?? '');
    const to = lookup(target.hostname, Number(target.port) || 80);
    if (!to) return void res.writeHead(502).end('unknown host');
    const upstream = httpRequest(
      { host: to.host, port: to.port, method: req.method, path: `${target.pathname}${target.search}`, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  };
  const server = o.tls
    ? createHttpsServer({ ...o.tls, SNICallback: (name, done) => (sni.push(name), done(null)) }, handler)
    : createServer(handler);

  server.on('connect', (req, client: Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (!authorised(req.headers['proxy-authorization'])) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const to = lookup(host ?? '', Number(port));
    if (!to) return void client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    const upstream = connect(to.port, to.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${o.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    seen,
    sni,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
