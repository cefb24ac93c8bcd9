// Lints source texts as if they stood at the given paths, with the workspace's ESLint config.
// Reads [{ filePath, source }] as JSON on stdin; prints [[ruleId, ...], ...] as JSON.
// A separate process because ESLint loads its flat config with a dynamic import that Jest's
// module sandbox does not allow.
import { ESLint } from 'eslint';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { filePath, source } of JSON.parse(input)) {
  const [result] = await eslint.lintText(source, { filePath });
  out.push(result.messages.map((m) => m.ruleId ?? m.message));
}
process.stdout.write(JSON.stringify(out));
