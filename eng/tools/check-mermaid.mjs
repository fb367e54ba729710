// Parses every mermaid diagram in the given Markdown files with mermaid itself, so a diagram that GitHub would show as
// an error fails the linters instead. Usage: node eng/tools/check-mermaid.mjs README.md docs/*.md
import fs from 'node:fs';
import { JSDOM } from 'jsdom';

// mermaid sanitises labels with DOMPurify, which needs a DOM even to parse.
const { window } = new JSDOM('<!doctype html><html><body></body></html>');
Object.assign(globalThis, { window, document: window.document, DOMParser: window.DOMParser, Element: window.Element });
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

let diagrams = 0;
let failures = 0;
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  for (const match of text.matchAll(/^```mermaid\n([\s\S]*?)^```/gm)) {
    diagrams++;
    const line = text.slice(0, match.index).split('\n').length;
    try {
      await mermaid.parse(match[1]);
    } catch (error) {
      failures++;
      console.error(`${file}:${line}: not a valid mermaid diagram\n${error.message ?? error}\n`);
    }
  }
}

console.log(`${diagrams} mermaid diagrams, ${failures} invalid`);
process.exit(failures === 0 ? 0 : 1);
