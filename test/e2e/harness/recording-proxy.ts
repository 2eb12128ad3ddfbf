/**
 * A local HTTP proxy that records every request that leaves the browser, HTTPS included: it
 * answers CONNECT itself and reads the TLS inside with a certificate made for the run (the
 * browser is launched trusting any certificate: acceptInsecureCerts). Each request is recorded
 * with its full address, headers and body; only requests to `allow`ed hosts (the local feed
 * server) are passed on, everything else gets a 502 and never reaches anything.
 *
 * The browser is pointed at it with LaunchOptions.proxy (Chromium: --proxy-server with
 * loopback not bypassed; Firefox: network.proxy.* prefs with localhost hijacking allowed).
 * Requests the harness answers itself (the served pages, see TestBrowser.served) never get here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { TLSSocket } from 'node:tls';

export interface ProxiedRequest {
  /** 'CONNECT' for a tunnel opened (its target in `url` as host:port), else the HTTP method. */
  method: string;
  /** Full address: https://host:port/path for requests read inside a tunnel. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Passed on to the real server (an allowed host), or refused with a 502. */
  forwarded: boolean;
}

export interface RecordingProxy {
  /** host:port, for LaunchOptions.proxy. */
  readonly address: string;
  readonly requests: ProxiedRequest[];
  close(): Promise<void>;
}

function certificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'termlight-proxy-cert-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=termlight-recording-proxy',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** `allow(host)`: whether requests to this host name are passed on (e.g. host === 'localhost'). */
export async function startRecordingProxy(allow: (host: string) => boolean): Promise<RecordingProxy> {
  const { key, cert } = certificate();
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();

  const handle = async (req: IncomingMessage, res: ServerResponse, tunnel: string | null) => {
    const body = await readBody(req);
    const url = tunnel ? `https://${tunnel}${req.url ?? ''}` : (req.url ?? '');
    const target = new URL(url);
    const forwarded = allow(target.hostname);
    requests.push({ method: req.method ?? '', url, headers: req.headers, body: body.toString('utf8'), forwarded });
    if (!forwarded) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('Refused by the Termlight recording proxy');
      return;
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstream = send(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host }, rejectUnauthorized: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    upstream.end(body);
  };

  // Requests read inside CONNECT tunnels, one server for all of them.
  const inner: Server = createServer();
  inner.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const tunnel = (req.socket as TLSSocket & { tunnelTarget?: string }).tunnelTarget ?? 'unknown:443';
    void handle(req, res, tunnel);
  });

  const outer: Server = createServer((req, res) => void handle(req, res, null));
  outer.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    requests.push({ method: 'CONNECT', url: target, headers: req.headers, body: '', forwarded: false });
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) client.unshift(head);
    const tls = new TLSSocket(client, { isServer: true, key, cert, ALPNProtocols: ['http/1.1'] }) as TLSSocket & {
      tunnelTarget?: string;
    };
    tls.tunnelTarget = target;
    tls.on('error', () => undefined);
    inner.emit('connection', tls);
  });
  outer.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => outer.listen(0, '127.0.0.1', resolve));
  const { port } = outer.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        inner.close();
        outer.close(() => resolve());
      }),
  };
}
