/** Bundles the page's TypeScript (client/main.ts) in memory with esbuild at server start. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

export interface Asset {
  type: string;
  body: string;
}

const CLIENT_DIR = join(import.meta.dirname, 'client');

export async function buildClient(): Promise<{ assets: Map<string, Asset> }> {
  const [app, shim] = await Promise.all(['main.ts', 'sidebar-shim.ts'].map(bundle));
  const assets = new Map<string, Asset>([
    [
      '/index.html',
      { type: 'text/html; charset=utf-8', body: readFileSync(join(CLIENT_DIR, 'index.html'), 'utf8') },
    ],
    [
      '/style.css',
      { type: 'text/css; charset=utf-8', body: readFileSync(join(CLIENT_DIR, 'style.css'), 'utf8') },
    ],
    ['/app.js', { type: 'text/javascript; charset=utf-8', body: app! }],
    ['/sidebar-shim.js', { type: 'text/javascript; charset=utf-8', body: shim! }],
  ]);
  return { assets };
}

async function bundle(file: string): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [join(CLIENT_DIR, file)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
  });
  return out.outputFiles[0]!.text;
}
