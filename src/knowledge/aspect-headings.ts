import type { Fact } from './types.js';

/**
 * Headings that say what a part of the heading above them tells (`## Pricing` under `# AWS
 * Lambda`), not a thing of their own. Only words no notes would name a thing by: `Storage` or
 * `Security` under `# Kubernetes` may well be topics.
 */
const LABELLED_ASPECTS = new Set([
  'pricing',
  'price',
  'prices',
  'cost',
  'costs',
  'billing',
  'limits',
  'limitations',
  'quotas',
  'limits and quotas',
  'limits & quotas',
  'quotas and limits',
  'quotas & limits',
  'features',
  'key features',
  'use cases',
  'use case',
  'typical use cases',
  'when to use',
  'when to use it',
  'how it works',
  'best practices',
  'gotchas',
  'caveats',
  'pitfalls',
  'pros and cons',
  'pros & cons',
  'pros',
  'cons',
  'exam tips',
  'faq',
  'faqs',
  'integrations',
  'alternatives',
]);

/** Aspects that say what the thing is: their bullets open its entry, unlabelled. */
const DEFINING_ASPECTS = new Set([
  'overview',
  'summary',
  'introduction',
  'intro',
  'about',
  'what it is',
  'what is it',
  'basics',
  'the basics',
  'tldr',
  'tl;dr',
  'key points',
  'key facts',
  'notes',
  'general',
]);

/** How a heading reads as an aspect, or null when it names a thing of its own. */
export function aspectOf(title: string): { label: string | null; defines: boolean } | null {
  const key = title
    .toLowerCase()
    .replace(/[:.!?]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (DEFINING_ASPECTS.has(key)) return { label: null, defines: true };
  if (LABELLED_ASPECTS.has(key)) return { label: key, defines: false };
  return null;
}

/**
 * A bullet under an aspect heading, as the team writes it inside a topic: `pricing: pay per
 * request`; left as it is when it already opens with the aspect's word.
 */
export function labelled(fact: Fact, label: string | null): Fact {
  if (!label) return fact;
  const opening = label.split(' ')[0] ?? label;
  if (fact.text.toLowerCase().startsWith(opening)) return fact;
  return { ...fact, text: `${label}: ${fact.text}` };
}
