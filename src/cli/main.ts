/**
 * `laurel`: extract, load, import, export, serve, up, eval. Each command lives in its own
 * module under ./commands and receives what it needs explicitly.
 */
import 'reflect-metadata';
import { Command } from 'commander';
import { evalCommand } from './commands/eval.js';
import { exportCommand } from './commands/export.js';
import { extractCommand } from './commands/extract.js';
import { importCommand } from './commands/import.js';
import { loadCommand } from './commands/load.js';
import { serveCommand } from './commands/serve.js';
import { upCommand } from './commands/up.js';

// `laurel extract … | head` closes stdout early; that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const program = new Command('laurel')
  .description('Laurel: a knowledge graph of Chinese news about honours (劳动模范, 工匠, 五一劳动奖章, 工会)')
  .showHelpAfterError()
  .addCommand(extractCommand())
  .addCommand(loadCommand())
  .addCommand(importCommand())
  .addCommand(exportCommand())
  .addCommand(serveCommand())
  .addCommand(upCommand())
  .addCommand(evalCommand());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`laurel: ${(err as Error).message}\n`);
  process.exitCode = process.exitCode || 2;
}
