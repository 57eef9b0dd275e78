import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocuments } from '../../../src/core/document/located';
import { answerChangeProblems, answerEdits, applyTextEdits, type AnswerChange, type AnswerEditOptions } from '../../../src/core/language/answerEdits';
import { scalarText } from '../../../src/core/yaml/emit';
import { DESK_ASSESSMENT, memoryEngine, uriOf } from '../../support/languageFixtures';

/** The text after the changes, as an editor would write it; fails on a refusal. */
function edit(text: string, changes: AnswerChange | readonly AnswerChange[], options: AnswerEditOptions = {}): string {
  const list = Array.isArray(changes) ? changes : [changes as AnswerChange];
  const results = (['fast', 'full'] as const).flatMap((parser) => {
    let doc;
    try {
      doc = parseDocuments(text, { parser }).documents[options.documentIndex ?? 0]!;
    } catch {
      return []; // the fast parser declines flow styles it does not read
    }
    const result = answerEdits(text, doc, list, options);
    if ('refused' in result) throw new Error(`refused (${parser}): ${result.refused}`);
    return [applyTextEdits(text, result.edits)];
  });
  // Both parsers locate the same text, so they give the same edit.
  expect(new Set(results).size).toBe(1);
  return results[0]!;
}

const BASE = `dimensions:
  self-service:
    target: 3   # agreed with the CIO
    answers:
      portal: yes   # checked on site
      catalogue:
        answer: some
        evidence:
          - https://wiki.example/catalogue
    # the knowledge team answers next
  knowledge:
    answers:
      kb: no
`;

describe('answer edits on each shape an answer is written in', () => {
  it('replaces a bare answer, keeping the comment after it and every other byte', () => {
    expect(edit(BASE, { dimension: 'self-service', criterion: 'portal', answer: 'no' })).toBe(BASE.replace('portal: yes   #', 'portal: no   #'));
  });

  it('turns a bare answer into a map when a note is added, the comment staying on the key line', () => {
    expect(edit(BASE, { dimension: 'self-service', criterion: 'portal', note: 'Seen in the March review.' })).toBe(
      BASE.replace('      portal: yes   # checked on site\n', '      portal:   # checked on site\n        answer: yes\n        note: Seen in the March review.\n'),
    );
  });

  it('changes the answer inside a map and adds a note after its last field', () => {
    expect(edit(BASE, { dimension: 'self-service', criterion: 'catalogue', answer: 'most', note: 'Covers 80% of requests' })).toBe(
      BASE.replace('        answer: some\n', '        answer: most\n').replace('          - https://wiki.example/catalogue\n', '          - https://wiki.example/catalogue\n        note: Covers 80% of requests\n'),
    );
  });

  it('writes a note of several lines as a literal block, and replaces it with another', () => {
    const once = edit(BASE, { dimension: 'knowledge', criterion: 'kb', note: 'First line\nsecond line' });
    expect(once).toBe(BASE.replace('      kb: no\n', '      kb:\n        answer: no\n        note: |-\n          First line\n          second line\n'));
    const twice = edit(once, { dimension: 'knowledge', criterion: 'kb', note: 'Only one\n' });
    expect(twice).toBe(BASE.replace('      kb: no\n', '      kb:\n        answer: no\n        note: |\n          Only one\n'));
  });

  it('replaces a block list of evidence, and removes it (the map stays a map)', () => {
    const replaced = edit(BASE, { dimension: 'self-service', criterion: 'catalogue', evidence: ['https://wiki.example/a', 'https://wiki.example/b?x=1#top'] });
    expect(replaced).toBe(BASE.replace('          - https://wiki.example/catalogue\n', '          - https://wiki.example/a\n          - https://wiki.example/b?x=1#top\n'));
    const removed = edit(BASE, { dimension: 'self-service', criterion: 'catalogue', evidence: null });
    expect(removed).toBe(BASE.replace('        evidence:\n          - https://wiki.example/catalogue\n', ''));
  });

  it('removes a bare answer with its line, and the last answer of a map leaves {} behind', () => {
    expect(edit(BASE, { dimension: 'self-service', criterion: 'portal', answer: null })).toBe(BASE.replace('      portal: yes   # checked on site\n', ''));
    expect(edit(BASE, { dimension: 'knowledge', criterion: 'kb', answer: null })).toBe(BASE.replace('    answers:\n      kb: no\n', '    answers: {}\n'));
  });

  it('fills an entry written with no value, keeps exemptions beside the answer, and removes the file\'s last line', () => {
    expect(edit('dimensions:\n  a:\n    answers:\n      p:   # to ask\n      q: no\n', { dimension: 'a', criterion: 'p', answer: 'most' })).toBe('dimensions:\n  a:\n    answers:\n      p: most   # to ask\n      q: no\n');
    const exempt = 'dimensions:\n  a:\n    answers:\n      p:\n        exemption: { reason: Vendor, approvedBy: CIO, expires: 2027-01-01 }\n';
    expect(edit(exempt, { dimension: 'a', criterion: 'p', answer: 'no' })).toBe(`${exempt}        answer: no\n`);
    expect(edit(`${exempt}        answer: no\n`, { dimension: 'a', criterion: 'p', answer: null })).toBe(exempt);
    expect(edit('dimensions:\n  a:\n    answers:\n      p: yes\n      q: no', { dimension: 'a', criterion: 'q', answer: null })).toBe('dimensions:\n  a:\n    answers:\n      p: yes');
  });

  it('edits flow maps inside their braces', () => {
    const flow = 'dimensions:\n  a: { answers: { p: yes, q: no } }\n';
    expect(edit(flow, { dimension: 'a', criterion: 'q', answer: 'some' })).toBe('dimensions:\n  a: { answers: { p: yes, q: some } }\n');
    expect(edit(flow, { dimension: 'a', criterion: 'r', answer: true })).toBe('dimensions:\n  a: { answers: { p: yes, q: no, r: true } }\n');
    expect(edit(flow, { dimension: 'a', criterion: 'p', answer: null })).toBe('dimensions:\n  a: { answers: { q: no } }\n');
    expect(edit(flow, { dimension: 'a', criterion: 'q', answer: null })).toBe('dimensions:\n  a: { answers: { p: yes } }\n');
    expect(edit(flow, { dimension: 'a', criterion: 'q', note: 'x, y: z\nw' })).toBe('dimensions:\n  a: { answers: { p: yes, q: { answer: no, note: "x, y: z\\nw" } } }\n');
    const answerMap = 'dimensions:\n  a:\n    answers:\n      w: { answer: most }\n';
    expect(edit(answerMap, { dimension: 'a', criterion: 'w', note: 'ok' })).toBe('dimensions:\n  a:\n    answers:\n      w: { answer: most, note: ok }\n');
  });

  it('adds a new answer after the last one, at the indentation of its siblings', () => {
    expect(edit(BASE, { dimension: 'knowledge', criterion: 'kb-reviewed', answer: 'yes' })).toBe(`${BASE}      kb-reviewed: yes\n`);
  });

  it('adds what is missing on the way: answers:, the dimension, dimensions:', () => {
    const noAnswers = 'dimensions:\n  a:\n    target: 3\n';
    expect(edit(noAnswers, { dimension: 'a', criterion: 'p', answer: 'yes' })).toBe('dimensions:\n  a:\n    target: 3\n    answers:\n      p: yes\n');
    expect(edit('dimensions:\n  a:\n    answers: {}   # none yet\n', { dimension: 'a', criterion: 'p', answer: 'yes' })).toBe('dimensions:\n  a:\n    answers:   # none yet\n      p: yes\n');
    expect(edit('dimensions:\n  a:\n    answers:\n', { dimension: 'a', criterion: 'p', answer: 'yes' })).toBe('dimensions:\n  a:\n    answers:\n      p: yes\n');
    expect(edit('dimensions:\n  a:\n  b: {}\n', { dimension: 'a', criterion: 'p', answer: 'yes' })).toBe('dimensions:\n  a:\n    answers:\n      p: yes\n  b: {}\n');
    expect(edit(BASE, { dimension: 'culture', criterion: 'c1', answer: 'no', note: 'New' })).toBe(`${BASE}  culture:\n    answers:\n      c1:\n        answer: no\n        note: New\n`);
    expect(edit('id: x\ndimensions: {}\n', { dimension: 'a', criterion: 'p', answer: 'yes' })).toBe('id: x\ndimensions:\n  a:\n    answers:\n      p: yes\n');
    expect(edit('id: x\n', { dimension: 'a', criterion: 'p', answer: 'yes' })).toBe('id: x\ndimensions:\n  a:\n    answers:\n      p: yes\n');
  });

  it('does several changes at once, an inner map\'s new lines before its parent\'s at the same place', () => {
    const text = 'dimensions:\n  a:\n    answers:\n      p:\n        answer: yes\n';
    const changes = [
      { dimension: 'a', criterion: 'q', answer: 'no' },
      { dimension: 'a', criterion: 'p', note: 'why' },
      { dimension: 'b', criterion: 'r', answer: 'some' },
    ];
    expect(edit(text, changes)).toBe('dimensions:\n  a:\n    answers:\n      p:\n        answer: yes\n        note: why\n      q: no\n  b:\n    answers:\n      r: some\n');
  });

  it('keeps CRLF line ends and writes its own lines with them', () => {
    const crlf = BASE.replace(/\n/g, '\r\n');
    expect(edit(crlf, { dimension: 'knowledge', criterion: 'kb-reviewed', answer: 'yes', note: 'a\nb' })).toBe(`${crlf}      kb-reviewed:\r\n        answer: yes\r\n        note: |-\r\n          a\r\n          b\r\n`);
  });

  it('edits the answers under another path (an assessor\'s own), and the second document of a file', () => {
    const text = 'id: one\n---\nid: two\nresponses:\n  priya:\n    dimensions:\n      a:\n        answers:\n          p: yes\n';
    expect(edit(text, { dimension: 'a', criterion: 'p', answer: 'no' }, { dimensionsPath: ['responses', 'priya', 'dimensions'], documentIndex: 1 })).toBe(text.replace('p: yes', 'p: no'));
  });

  it('sets, replaces and removes an exemption and a not-applicable reason as block maps, keeping the rest', () => {
    const exemption = { reason: 'Vendor contract: renegotiation', approver: 'CIO', expires: '2027-01-31' };
    const added = edit(BASE, { dimension: 'knowledge', criterion: 'kb', exemption });
    expect(added).toBe(BASE.replace('      kb: no\n', '      kb:\n        answer: no\n        exemption:\n          reason: "Vendor contract: renegotiation"\n          approver: CIO\n          expires: 2027-01-31\n'));
    const replaced = edit(added, { dimension: 'knowledge', criterion: 'kb', exemption: { ...exemption, approver: 'CFO' } });
    expect(replaced).toBe(added.replace('approver: CIO', 'approver: CFO'));
    // The same exemption with its keys in another order is no change.
    expect(edit(added, { dimension: 'knowledge', criterion: 'kb', exemption: { expires: '2027-01-31', approver: 'CIO', reason: 'Vendor contract: renegotiation' } })).toBe(added);
    expect(edit(added, { dimension: 'knowledge', criterion: 'kb', exemption: null })).toBe(BASE.replace('      kb: no\n', '      kb:\n        answer: no\n'));
    const na = edit(BASE, { dimension: 'self-service', criterion: 'portal', notApplicable: { reason: 'No portal in this unit.\nSee the scope.' } });
    expect(na).toBe(BASE.replace('      portal: yes   # checked on site\n', '      portal:   # checked on site\n        answer: yes\n        notApplicable:\n          reason: |-\n            No portal in this unit.\n            See the scope.\n'));
    expect(edit(na, { dimension: 'self-service', criterion: 'portal', notApplicable: null })).toBe(BASE.replace('      portal: yes   # checked on site\n', '      portal:   # checked on site\n        answer: yes\n'));
  });

  it('replaces an exemption written in flow style on the key\'s line with a block, and writes maps in flow answers as flow maps', () => {
    const exempt = 'dimensions:\n  a:\n    answers:\n      p:\n        answer: no\n        exemption: { reason: Vendor, approver: CIO, expires: 2027-01-01 }   # agreed\n';
    expect(edit(exempt, { dimension: 'a', criterion: 'p', exemption: { reason: 'Vendor', approver: 'CFO', expires: '2027-01-01' } })).toBe(
      'dimensions:\n  a:\n    answers:\n      p:\n        answer: no\n        exemption:   # agreed\n          reason: Vendor\n          approver: CFO\n          expires: 2027-01-01\n',
    );
    const flow = 'dimensions:\n  a: { answers: { p: yes } }\n';
    expect(edit(flow, { dimension: 'a', criterion: 'p', exemption: { reason: 'x, y', approver: 'CIO', expires: '2027-01-01' } })).toBe(
      'dimensions:\n  a: { answers: { p: { answer: yes, exemption: { reason: "x, y", approver: CIO, expires: 2027-01-01 } } } }\n',
    );
  });

  it('writes evidence entries with a title as block maps in a block list, and as flow maps in flow context', () => {
    const evidence = ['https://wiki.example/a', { title: 'Catalogue, v2', url: 'https://wiki.example/b' }];
    expect(edit(BASE, { dimension: 'self-service', criterion: 'catalogue', evidence })).toBe(
      BASE.replace('          - https://wiki.example/catalogue\n', '          - https://wiki.example/a\n          - title: Catalogue, v2\n            url: https://wiki.example/b\n'),
    );
    expect(edit('dimensions:\n  a: { answers: { p: yes } }\n', { dimension: 'a', criterion: 'p', evidence })).toBe(
      'dimensions:\n  a: { answers: { p: { answer: yes, evidence: ["https://wiki.example/a", { title: "Catalogue, v2", url: "https://wiki.example/b" }] } } }\n',
    );
  });

  it('refuses, saying why, where the document is not shaped for answers', () => {
    for (const text of ['dimensions:\n  a: [1, 2]\n', 'dimensions: 3\n', '- a\n- b\n']) {
      const doc = parseDocuments(text).documents[0]!;
      const result = answerEdits(text, doc, [{ dimension: 'a', criterion: 'p', answer: 'yes' }]);
      expect(result).toEqual({ refused: expect.stringMatching(/is not a map|cannot be (added|changed)|not made/) });
    }
  });

  it('changes nothing where the change is what is there already, or removes what is not there', () => {
    const doc = parseDocuments(BASE).documents[0]!;
    expect(answerEdits(BASE, doc, [{ dimension: 'self-service', criterion: 'catalogue', answer: 'some' }])).toEqual({ edits: [] });
    expect(answerEdits(BASE, doc, [{ dimension: 'knowledge', criterion: 'missing', answer: null }])).toEqual({ edits: [] });
  });

  it('gives the engine the new answer to score', async () => {
    const { engine } = memoryEngine();
    const doc = parseDocuments(DESK_ASSESSMENT).documents[0]!;
    const result = answerEdits(DESK_ASSESSMENT, doc, [{ dimension: 'knowledge', criterion: 'kb-reviewed', answer: 'yes', evidence: ['https://kb.example/review'] }]);
    if ('refused' in result) throw new Error(result.refused);
    const text = applyTextEdits(DESK_ASSESSMENT, result.edits);
    const analysis = await engine.analyze(uriOf('acme.assessment.yaml'), text);
    const assessment = analysis.documents[0];
    expect(assessment?.kind).toBe('Assessment');
    const facts = assessment?.kind === 'Assessment' ? assessment.facts : undefined;
    const fact = facts?.criteria.get('knowledge')?.get('kb-reviewed');
    expect(fact).toMatchObject({ answer: 'yes', credit: 1, evidence: ['https://kb.example/review'] });
  });
});

describe('any exemption and evidence read back exactly', () => {
  it('sets any exemption and evidence title, in block and in flow answers', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), fc.string({ minLength: 1 }), fc.string({ unit: 'grapheme', minLength: 1 }), fc.boolean(), (reason, approver, title, flow) => {
        const text = flow ? 'dimensions:\n  a: { answers: { p: yes } }\n' : BASE;
        const [dimension, criterion] = flow ? ['a', 'p'] : ['knowledge', 'kb'];
        const exemption = { reason, approver, expires: '2027-01-01' };
        const evidence = [{ title, url: 'https://e.example/x' }];
        const result = answerEdits(text, parseDocuments(text).documents[0]!, [{ dimension, criterion, exemption, evidence }]);
        if ('refused' in result) throw new Error(result.refused);
        const value = parseDocuments(applyTextEdits(text, result.edits)).documents[0]!.value as { dimensions: Record<string, { answers: Record<string, unknown> }> };
        expect(value.dimensions[dimension]!.answers[criterion]).toEqual({ answer: flow ? 'yes' : 'no', exemption, evidence });
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe('the format\'s check of changes before they are written', () => {
  it('names the criterion and field of each value the schema refuses, and passes the rest', () => {
    expect(answerChangeProblems([
      { dimension: 'a', criterion: 'p', answer: 'yes', note: 'x'.repeat(20_000), exemption: { reason: 'Vendor', approver: 'CIO', expires: '2027-01-01' }, evidence: [{ title: 'T', url: 'https://e.example', asOf: '2026-01-01' }] },
      { dimension: 'a', criterion: 'q', answer: null, note: null },
    ])).toEqual([]);
    expect(answerChangeProblems([
      { dimension: 'a', criterion: 'p', note: 'x'.repeat(20_001) },
      { dimension: 'b', criterion: 'q', exemption: { reason: 'Vendor', approver: 'x'.repeat(201), expires: '2027-01-01' } },
      { dimension: 'b', criterion: 'r', answer: 'y'.repeat(301) },
    ])).toEqual([
      { dimension: 'a', criterion: 'p', field: 'note', message: 'Longer than the 20000 characters the format allows; shorten it.' },
      { dimension: 'b', criterion: 'q', field: 'exemption.approver', message: 'Longer than the 200 characters the format allows; shorten it.' },
      { dimension: 'b', criterion: 'r', field: 'answer', message: 'Longer than the 300 characters the format allows; shorten it.' },
    ]);
  });
});

describe('scalars written for edits', () => {
  it('writes plain what reads back as the same string, and quotes the rest', () => {
    expect(scalarText('yes', 'block')).toEqual({ inline: 'yes' });
    expect(scalarText('https://a.example/x?y=1#z', 'block')).toEqual({ inline: 'https://a.example/x?y=1#z' });
    for (const value of ['true', 'null', '3', '1.5e3', '0x1F', '.inf', '', ' lead', 'trail ', 'a: b', 'a #b', "'q", '@at', '-x', 'key:', '2026-01-01 10:00', '2026-01-01T10:00:00Z']) {
      expect(scalarText(value, 'block'), value).toEqual({ inline: JSON.stringify(value) });
    }
    // A date alone is written as the samples write dates; the core schema keeps it a string (both parsers).
    for (const context of ['block', 'flow'] as const) {
      expect(scalarText('2026-01-01', context)).toEqual({ inline: '2026-01-01' });
      const text = context === 'flow' ? 'm: { k: 2026-01-01 }\n' : 'm:\n  k: 2026-01-01\n';
      expect((parseDocuments(text).documents[0]?.value as { m: { k: unknown } }).m.k).toBe('2026-01-01');
    }
    expect(scalarText('a, b', 'block')).toEqual({ inline: 'a, b' });
    expect(scalarText('a, b', 'flow')).toEqual({ inline: '"a, b"' });
    expect(scalarText(true, 'flow')).toEqual({ inline: 'true' });
  });

  it('reads back as the same value in both parsers, whatever the text (block, flow, literal block)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('a\n', 'a\n\n', '\n a', '  x\ny', 'a\n\nb', 'x\ty', '\u2028', 'é\u0085')), (value) => {
        for (const context of ['block', 'flow'] as const) {
          const written = scalarText(value, context);
          const text = 'inline' in written ? (context === 'flow' ? `m: { k: ${written.inline} }\n` : `m:\n  k: ${written.inline}\n`) : `m:\n  k: ${written.header}\n${written.lines.map((l) => (l ? `    ${l}` : '')).join('\n')}\n`;
          const parsed = parseDocuments(text);
          expect(parsed.documents[0]?.issues ?? [], text).toEqual([]);
          expect((parsed.documents[0]?.value as { m: { k: unknown } }).m.k, text).toBe(value);
        }
      }),
      { numRuns: 500, seed: 20261207 },
    );
  });

  it('sets any note and reads it back exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (note, answer) => {
        const result = answerEdits(BASE, parseDocuments(BASE).documents[0]!, [{ dimension: 'knowledge', criterion: 'kb', note, answer: answer || 'x' }]);
        if ('refused' in result) throw new Error(result.refused);
        const value = parseDocuments(applyTextEdits(BASE, result.edits)).documents[0]!.value as { dimensions: { knowledge: { answers: { kb: unknown } } } };
        // An empty note is no note.
        expect(value.dimensions.knowledge.answers.kb).toEqual(note ? { answer: answer || 'x', note } : answer || 'x');
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
