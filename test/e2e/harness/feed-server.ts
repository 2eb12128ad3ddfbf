/**
 * A local HTTPS server standing in for a records feed, on localhost with a self-signed
 * certificate made for the run (openssl). Tests set what it answers and read what it was asked.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface FeedAnswer {
  status: number;
  body: string | Buffer;
  headers?: Record<string, string>;
}

export interface FeedServer {
  readonly url: string;
  /** What the next requests get; `ifNoneMatch` is the request's If-None-Match header. */
  answer: (ifNoneMatch: string | undefined) => FeedAnswer;
  readonly requests: { method: string; url: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'termlight-cert-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-expose-headers': 'ETag, Last-Modified',
};

export async function startFeedServer(): Promise<FeedServer> {
  const requests: FeedServer['requests'] = [];
  const state: { answer: FeedServer['answer'] } = { answer: () => ({ status: 404, body: 'no feed yet' }) };
  const server: Server = createServer(selfSignedCertificate(), (req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    const header = req.headers['if-none-match'];
    const answer = state.answer(Array.isArray(header) ? (header[0] as string | undefined) : header);
    res.writeHead(answer.status, { ...CORS, 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://localhost:${port}/termlight-pack.json`,
    get answer() {
      return state.answer;
    },
    set answer(fn) {
      state.answer = fn;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A small valid Termlight pack for a feed to serve: one fictional platform (FeedCo, whose
 * search name is `service`), one document, `records` records.
 */
export function exampleFeedPack(options: { packId: string; version: string; records: number; service?: string; name?: string }): string {
  return JSON.stringify({
    schemaVersion: 1,
    packId: options.packId,
    packVersion: options.version,
    publishedAt: '2026-11-20',
    source: { kind: 'feed', name: options.name ?? 'Example feed' },
    platforms: [{ id: 'feedco', name: options.service ?? 'FeedCo', domains: ['feedco.example'] }],
    documents: [
      { id: 'feedco.terms', platformId: 'feedco', title: 'FeedCo Terms', kind: 'terms', url: 'https://feedco.example/terms', urlPatterns: ['feedco.example/terms'] },
    ],
    records: Array.from({ length: options.records }, (_, i) => ({
      id: `feedco.terms.r${i}`,
      documentId: 'feedco.terms',
      title: `FeedCo clause ${i}`,
      quote: { exact: `FeedCo may do thing number ${i} with your data.` },
      severity: 'medium',
      categories: ['data-sharing'],
      impact: 'An example impact.',
      whyItMatters: 'An example reason.',
      firstTracked: '2026-11-20',
      lastVerified: '2026-11-20',
      provenance: { sourceUrl: 'https://feedco.example/terms' },
    })),
  });
}
