import { describe, expect, it } from 'vitest';
import { TextDocument, type Position } from 'vscode-languageserver-textdocument';
import { Random } from '../../bench/generate';
import { ChunkedTextDocument } from '../../src/server/chunkedDocument';

/**
 * The server's open documents against vscode-languageserver-textdocument's TextDocument, which they
 * replace: the same text, lines and positions after every edit, with "\r\n", "\r" and "\n" breaks
 * cut by chunk boundaries and by edits (chunks of a few characters, so that every edit crosses some).
 *
 * Each edit of the reference is made on a TextDocument created from the text before it: a
 * TextDocument edited in place miscounts its lines after a range that starts past its last line
 * (it shifts its line table by the range's line numbers, not by where they land), which the chunked
 * document does not copy.
 */
describe('ChunkedTextDocument', () => {
  it('keeps the text, lines and positions of TextDocument through random incremental edits', () => {
    const random = new Random(20261207);
    const pieces = ['a', 'bc', '\n', '\r\n', '\r', 'xyz\n', '\r\r\n\n', ' ', 'é', '😀'];
    const text = (max: number) => Array.from({ length: random.int(0, max) }, () => random.pick(pieces)).join('');
    for (let round = 0; round < 60; round++) {
      const initial = text(40);
      const chunkSize = random.int(1, 12);
      let expected = TextDocument.create('file:///a.yaml', 'yaml', 1, initial);
      const actual = new ChunkedTextDocument('file:///a.yaml', 'yaml', 1, initial, chunkSize);
      const position = (): Position => ({ line: random.int(0, expected.lineCount + 1), character: random.int(0, 8) });
      for (let edit = 0; edit < 40; edit++) {
        const change = random.chance(0.05) ? { text: text(30) } : { range: { start: position(), end: position() }, text: text(6) };
        const edited = TextDocument.update(TextDocument.create('file:///a.yaml', 'yaml', edit + 1, expected.getText()), [change], edit + 2);
        expected = TextDocument.create('file:///a.yaml', 'yaml', edit + 2, edited.getText());
        actual.update([change], edit + 2);
        const where = `round ${round}, edit ${edit}, chunks of ${chunkSize}`;
        expect(actual.getText(), where).toBe(expected.getText());
        expect(actual.lineCount, where).toBe(expected.lineCount);
        expect(actual.version).toBe(expected.version);
        for (let probe = 0; probe < 6; probe++) {
          const at = position();
          expect(actual.offsetAt(at), `${where}, offsetAt ${JSON.stringify(at)}`).toBe(expected.offsetAt(at));
          const offset = random.int(-2, expected.getText().length + 2);
          expect(actual.positionAt(offset), `${where}, positionAt ${offset}`).toEqual(expected.positionAt(offset));
          const range = { start: position(), end: position() };
          expect(actual.getText(range)).toBe(expected.getText(range));
        }
      }
    }
  });

  it('applies several changes of one notification in turn, each in the text the ones before left', () => {
    const expected = TextDocument.create('file:///a.yaml', 'yaml', 1, 'one\ntwo\nthree\n');
    const actual = new ChunkedTextDocument('file:///a.yaml', 'yaml', 1, 'one\ntwo\nthree\n', 4);
    const changes = [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, text: 'TWO\r\nand a half' },
      { range: { start: { line: 0, character: 3 }, end: { line: 2, character: 0 } }, text: '' },
    ];
    TextDocument.update(expected, changes, 2);
    actual.update(changes, 2);
    expect(actual.getText()).toBe(expected.getText());
  });

  it('copies what an edit touches, not the document: 1,000 edits building 50 MB copy under 100 MB', () => {
    // vscode-languageserver-textdocument copies the whole text at every edit: 25 GB here, 13 s of CPU.
    const document = new ChunkedTextDocument('file:///big.yaml', 'yaml', 1, 'notes: |\n');
    const chunk = `  ${'x'.repeat(97)}\n`.repeat(500);
    for (let i = 0; i < 1_000; i++) {
      const line = document.lineCount - 1;
      document.update([{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: chunk }], i + 2);
    }
    expect(document.getText().length).toBe(9 + 50_000_000);
    expect(document.lineCount).toBe(500_002);
    expect(document.charactersCopied).toBeLessThan(100_000_000);
    // An edit in the middle costs the same.
    const before = document.charactersCopied;
    document.update([{ range: { start: { line: 250_000, character: 3 }, end: { line: 250_001, character: 0 } }, text: 'y' }], 2_000);
    expect(document.charactersCopied - before).toBeLessThan(100_000);
    expect(document.getText().length).toBe(9 + 50_000_000 - 97 + 1);
  });
});
