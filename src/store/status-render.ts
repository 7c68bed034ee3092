// The human `status` output: one line per definition, then who wins where. Keys appear only masked.
import { cmd } from '../platform/command-name.js';
import type { IO } from '../ui/io.js';
import { tildify } from './shell-paths.js';
import type { StatusReport } from './status-schema.js';

const KIND_LABEL: Record<StatusReport['definitions'][number]['kind'], string> = {
  env: 'environment',
  dotenv: '.env',
  shell: 'shell',
  keychain: 'keychain',
  tool: 'other tool',
};

export function renderStatus(report: StatusReport, io: IO, home: string): string {
  const { c } = io;
  const lines: string[] = [];
  if (report.definitions.length === 0) {
    lines.push('OPENAI_API_KEY is not defined anywhere openai-onboard looks.');
    lines.push(`Run ${c.bold(cmd())} to create, check and save one.`);
    return lines.join('\n');
  }
  lines.push(c.bold('Where OPENAI_API_KEY is defined'));
  for (const d of report.definitions) {
    const mark = d.agrees === null ? c.dim('?') : d.agrees ? c.green('✔') : c.red('✖');
    const value = d.masked ? `${d.masked.padEnd(13)}  ${c.dim(d.fingerprint ?? '')}` : c.dim('(value not read)'.padEnd(27));
    const ours = d.writtenByOnboard ? c.cyan(' [openai-onboard]') : '';
    const where = d.kind === 'env' ? 'OPENAI_API_KEY' : tildify(d.location, home);
    lines.push(`  ${mark} ${KIND_LABEL[d.kind].padEnd(11)} ${value}  ${where}${ours}`);
    lines.push(`      ${c.dim(d.label + (d.note ? `; ${d.note}` : ''))}`);
  }
  if (report.reference) {
    lines.push(c.dim(`  ✔ = same key as ${report.reference.masked} (${report.reference.fingerprint}), ${report.reference.why}`));
  }
  lines.push('');
  lines.push(c.bold('Which one wins'));
  const w = report.winners;
  const name = (id: string | null) => {
    if (!id) return c.dim('none');
    const d = report.definitions.find((x) => x.id === id);
    return d ? `${d.kind === 'env' ? 'the environment' : tildify(d.location, home)}${d.masked ? ` (${d.masked})` : ''}` : id;
  };
  lines.push(`  ${`A new terminal (${w.newShell.shell}):`.padEnd(28)} ${w.newShell.definition ? name(w.newShell.definition) : w.newShell.fingerprint ? `fingerprint ${w.newShell.fingerprint}` : c.dim('none')}`);
  lines.push(`      ${c.dim(w.newShell.explanation)}`);
  lines.push(`  ${'Node with dotenv:'.padEnd(28)} ${name(w.node.definition)}`);
  lines.push(`      ${c.dim(w.node.explanation)}`);
  lines.push(`  ${'OpenAI SDK (this terminal):'.padEnd(28)} ${name(w.sdk.definition)}`);
  lines.push(`      ${c.dim(w.sdk.explanation)}`);
  lines.push('');
  const unread = report.definitions.filter((d) => report.unreadable?.includes(d.id)).map((d) => KIND_LABEL[d.kind]);
  if (!report.consistent) lines.push(c.yellow('The definitions do not all hold the same key.'));
  else if (unread.length) lines.push(c.yellow(`The definitions that could be read hold the same key; not readable here: ${unread.join(', ')}.`));
  else lines.push(c.green('All definitions hold the same key.'));
  return lines.join('\n');
}
