// "Is this a project directory?" decides whether .env is the pre-selected target.
import { access } from 'node:fs/promises';
import { join } from 'node:path';

const MARKERS = ['package.json', '.git', 'pyproject.toml', 'requirements.txt', 'go.mod', 'Cargo.toml', 'Gemfile', 'composer.json', 'deno.json', '.env'];

export async function isProjectDir(dir: string): Promise<boolean> {
  const found = await Promise.all(MARKERS.map((m) => access(join(dir, m)).then(() => true, () => false)));
  return found.some(Boolean);
}
