/** Entry point of the `fieldguard` command (`npm run cli -- …`, or the package's `bin`). */
import { runCli } from './run-cli';
import packageJson from '../../package.json' with { type: 'json' };

const code = await runCli(process.argv.slice(2), {
  version: packageJson.version,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
process.exitCode = code;
