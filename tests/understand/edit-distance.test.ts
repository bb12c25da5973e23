import { describe, expect, it } from 'vitest';
import { allowedSlips, editDistance } from '../../src/understand/edit-distance.js';

describe('editDistance', () => {
  it('is 0 for equal words and counts insertions, deletions and substitutions', () => {
    expect(editDistance('lambda', 'lambda')).toBe(0);
    expect(editDistance('lamda', 'lambda')).toBe(1);
    expect(editDistance('fargatee', 'fargate')).toBe(1);
    expect(editDistance('fargote', 'fargate')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'ecs')).toBe(3);
  });

  it('counts a swap of neighbouring letters as one slip', () => {
    expect(editDistance('bacth', 'batch')).toBe(1);
    expect(editDistance('ecs', 'ces')).toBe(1);
  });

  it('is symmetric', () => {
    for (const [a, b] of [
      ['docker', 'dokcer'],
      ['kubernetes', 'kubernets'],
      ['ec2', 'ecr'],
    ] as const) {
      expect(editDistance(a, b)).toBe(editDistance(b, a));
    }
  });
});

describe('allowedSlips', () => {
  it('allows more slips in longer words', () => {
    expect(allowedSlips(3)).toBe(1);
    expect(allowedSlips(4)).toBe(1);
    expect(allowedSlips(6)).toBe(2);
    expect(allowedSlips(10)).toBe(3);
  });
});
