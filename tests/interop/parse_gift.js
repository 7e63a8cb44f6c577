// Parse GIFT from stdin with the vendored gift-pegjs grammar and print the questions as JSON.
// Used by tests/unit/test_quizbank_exports.py; on a syntax error prints the message, exits 1.
const fs = require("node:fs");
const path = require("node:path");
const parser = require(path.join(__dirname, "..", "vendor", "gift-pegjs", "gift-parser.js"));

const text = fs.readFileSync(0, "utf8");
try {
  process.stdout.write(JSON.stringify(parser.parse(text)));
} catch (error) {
  const where = error.location ? ` at line ${error.location.start.line}, column ${error.location.start.column}` : "";
  process.stderr.write(`${error.message}${where}\n`);
  process.exit(1);
}
