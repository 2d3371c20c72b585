/**
 * An analysis keeps no text alive past a minor collection once a later keystroke has replaced it
 * (issue 27, docs/performance.md round 14). Each keystroke's text is one large string (740 KB in the
 * varied 1 MB); one that something still reaches at the next minor collection is promoted, and only
 * a full collection frees it — a rule's object literal with a getter over the text did that to every
 * keystroke's text (V8 gives such a literal a map of its own each time, which the literal's first map
 * keeps until a full collection), and the full collections it set off were the 1 MB report's slowest
 * keystrokes. The old generation's large objects are weighed around minor collections only.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze, AnalysisCache } from '../server/src/core';
import { variedText } from '../bench/varied';
import { Typist } from '../server/src/lsp/typist';

const largeObjects = () => getHeapSpaceStatistics().find((s) => s.space_name === 'large_object_space')!.space_used_size;

describe('texts and minor collections', () => {
  test('typing into a long report: a replaced text is not promoted by the minor collections after it', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
    // The bench's varied report, ~280 KB of UTF-16: every rule runs at every analysis.
    const typist = new Typist(variedText(400 * 1024).text);
    const size = typist.text().length * 2;
    assert.ok(size > 256 * 1024, 'each text a large object');
    const cache = new AnalysisCache();
    assert.ok(analyze(typist.text(), { cache }).findings.length > 0);
    gc({ type: 'major' });
    let promoted = 0;
    const rounds = 4;
    const perRound = 8;
    for (let r = 0; r < rounds; r++) {
      // Each round from a finished full collection, so that no marking begun in the rounds before is
      // still under way (how long it lasts depends on the machine's other work, and what the minor
      // collections promote meanwhile, probably, with it): one full-suite run counted 18 texts where
      // runs alone count 6, every time.
      gc({ type: 'major' });
      for (let k = 0; k < perRound; k++) {
        typist.next();
        analyze(typist.text(), { cache });
      }
      // The last text is alive (the cache's index holds it), the seven before it are not.
      const before = largeObjects();
      gc({ type: 'minor' });
      gc({ type: 'minor' });
      promoted += Math.max(0, largeObjects() - before);
    }
    // The live one is promoted, and one or two more (1.5–2.4 a round measured): eight, every text of the round, before round 14.
    assert.ok(
      promoted <= rounds * 4 * size,
      `${(promoted / size).toFixed(1)} texts promoted in ${rounds} rounds of ${perRound} keystrokes`,
    );
  });
});
