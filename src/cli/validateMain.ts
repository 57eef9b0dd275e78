// Entry point of dist/cli/validate.js: `rubrics validate` alone, the command CI runs on every
// push (dist/cli.js, the `rubrics` command, loads it for that command and dist/cli/main.js for
// every other). It is the same validate as the whole CLI's, in a bundle less than half the size:
// V8 reads all of a script before it runs any of it (bench: about 10 ms of a cold validate).
import { validateCommand } from './commands/validate';
import { guarded, runAsProcess } from './process';

runAsProcess((argv, context) => guarded(() => validateCommand.run(argv.slice(1), context), context));
