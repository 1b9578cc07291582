// Lints Cypher statements with Neo4j's own parser and semantic analysis (@neo4j-cypher/language-support).
// stdin: {"schema": DbSchema (optional), "statements": [{"name": "...", "text": "..."}]}
// stdout: [{"name": "...", "diagnostics": [{"severity", "message", "start", "end", "excerpt"}]}]
// Used by tests/test_cypher_lint.py; run `npm ci` in this folder first.
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
// Neo4j's function and procedure signatures as shipped with the package (its mock schema is a dump
// of a real Neo4j 5 server), so unknown functions/procedures are reported too; labels, types and
// property keys come from the caller (newsgraph's model), so typos in them are reported.
const schema = {
  functions: testData.mockSchema.functions,
  procedures: testData.mockSchema.procedures,
  ...(input.schema ?? {}),
};
const out = input.statements.map(({ name, text }) => {
  const { diagnostics } = lintCypherQuery(text, schema, { consoleCommandsEnabled: false });
  return {
    name,
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity, // 1 error, 2 warning, 3 information, 4 hint
      message: d.message,
      start: d.offsets?.start,
      end: d.offsets?.end,
      excerpt: d.offsets ? text.slice(d.offsets.start, d.offsets.end) : undefined,
    })),
  };
});
process.stdout.write(JSON.stringify(out));
