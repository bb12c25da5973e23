import { describe, expect, it } from 'vitest';
import { loadEnglishWords } from '../../src/understand/english.js';
import { loadTradeWords } from '../../src/understand/trade-words.js';

describe('the trade words', () => {
  const trade = loadTradeWords();
  const english = loadEnglishWords();

  it("hold the words of the tutor's own lists that no dictionary of English has", () => {
    for (const word of ['backend', 'systemd', 'journald', 'idempotence', 'failover', 'kubernetes'])
      expect(trade.has(word) && !english.has(word), word).toBe(true);
  });

  it('leave out the misspellings the catalogue recognises on purpose', () => {
    expect(trade.has('lamda')).toBe(false);
    expect(trade.has('lambda')).toBe(true);
  });
});
