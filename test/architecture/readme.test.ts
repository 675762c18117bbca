import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUSTOM_FUNCTIONS } from '../../src/functions/catalog';

// The README is the user's reference: these keep it true to the code and to CI.
const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<
  string,
  string
>;

describe('README', () => {
  it.each(CUSTOM_FUNCTIONS)('documents $name with the signature of its catalog entry', (doc) => {
    const params = doc.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ');
    expect(readme).toContain(`### \`${doc.name}(${params})\``);
  });

  it('gives the two quick-start commands, and they exist', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toMatch(/^npm test\b/m);
    expect(scripts.start).toBeTruthy();
    expect(scripts.test).toBeTruthy();
  });

  it('documents deploy, and deploy is one command that builds and runs clasp push', () => {
    expect(readme).toContain('npm run deploy');
    expect(scripts.deploy).toBe('npm run build && clasp push');
    expect(scripts['deploy:prod']).toContain('clasp push -P ');
  });

  it('is what .ci/run runs: npm ci, then exactly the test command', () => {
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
    const commands = ci.split('\n').filter((line) => /^npm /.test(line));
    expect(commands).toEqual(['npm ci', 'npm test']);
  });
});
