import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeDir } from '../../../src/knowledge/load.js';
import type { KnowledgeBase } from '../../../src/knowledge/types.js';
import { renderHome } from '../../../src/slack/blocks/render-home.js';
import {
  assertWithinBlockKitLimits,
  hugeNotesFiles,
  liveMarkup,
  payloadViolations,
  visibleTexts,
} from '../../helpers/block-kit-limits.js';
import { notesDir } from '../../helpers/notes-dir.js';
import { KNOWLEDGE_DIR } from '../../helpers/paths.js';

function textsOf(block: KnownBlock): string[] {
  switch (block.type) {
    case 'header':
      return [block.text.text];
    case 'section':
      return [block.text?.text ?? '', ...(block.fields ?? []).map((field) => field.text)];
    case 'context':
      return block.elements.flatMap((element) => ('text' in element ? [element.text] : []));
    default:
      return [];
  }
}

const homeText = (knowledge: KnowledgeBase): string => {
  const view = renderHome(knowledge);
  assertWithinBlockKitLimits(view);
  return (view.blocks as KnownBlock[]).flatMap(textsOf).join('\n');
};

describe('renderHome', () => {
  const knowledge = loadKnowledgeDir(KNOWLEDGE_DIR).knowledge;

  it('is a Home tab view', () => {
    const view = renderHome(knowledge);
    expect(view.type).toBe('home');
    expect(view.blocks[0]).toMatchObject({ type: 'header' });
    expect(payloadViolations(view)).toEqual([]);
  });

  it('says what the tutor is and how to ask it', () => {
    const text = homeText(knowledge);
    expect(text).toMatch(/AWS/);
    expect(text).toMatch(/study notes: \d+ topics in 1 notes file/);
    expect(text).toContain('`/aws what is fargate`');
    expect(text).toContain('`/aws ecs vs fargate`');
    expect(text).toContain('`/aws topics`');
    expect(text).toMatch(/[Mm]ention me/);
    expect(text).toMatch(/direct message/);
  });

  it('lists the topics it knows, grouped by notes file', () => {
    const text = homeText(knowledge);
    expect(text).toMatch(
      /\*compute\.md\*\nDocker, ECS \(Elastic Container Service\), Fargate \(serverless\)/,
    );
    for (const topic of knowledge.topics) expect(text).toContain(topic.title);
  });

  it('renders notes without topics', () => {
    const text = homeText({ topics: [], files: [] });
    expect(text).toMatch(/no notes are loaded/);
    expect(text).not.toContain('Topics I know');
  });

  it('escapes file names and titles from the notes', () => {
    const dir = notesDir({
      'q&a <!channel>.md': '# Markup <@U123> & <https://x|y> @here\n\n- A fact.\n',
    });
    const view = renderHome(loadKnowledgeDir(dir).knowledge);
    assertWithinBlockKitLimits(view);
    expect(visibleTexts(view).flatMap((text) => liveMarkup(text))).toEqual([]);
    const text = (view.blocks as KnownBlock[]).flatMap(textsOf).join('\n');
    expect(text).toContain('*q&amp;a &lt;!channel&gt;.md*');
    expect(text).toContain('Markup &lt;@U123&gt; &amp; &lt;https://x|y&gt;');
  });

  it('keeps within 100 blocks however many topics, summing up the rest', () => {
    const big = loadKnowledgeDir(notesDir(hugeNotesFiles(400))).knowledge;
    expect(big.topics).toHaveLength(400);
    const view = renderHome(big);
    expect(payloadViolations(view)).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(visibleTexts(view).flatMap((text) => liveMarkup(text))).toEqual([]);

    // Many files of many topics: more than a Home tab can show.
    const many: KnowledgeBase = {
      files: Array.from({ length: 150 }, (_, f) => `notes-${f}.md`),
      topics: big.topics.flatMap((topic, i) =>
        Array.from({ length: 15 }, (_, f) => ({
          ...topic,
          id: `${topic.id}-${f}`,
          source: { file: `notes-${(i * 15 + f) % 150}.md`, line: 1 },
        })),
      ),
    };
    const crowded = renderHome(many);
    expect(payloadViolations(crowded)).toEqual([]);
    expect(crowded.blocks).toHaveLength(100);
    const text = (crowded.blocks as KnownBlock[]).flatMap(textsOf).join('\n');
    const more = Number(/…and (\d+) more/.exec(text)?.[1]);
    const shown = (crowded.blocks as KnownBlock[])
      .filter((block) => block.type === 'section')
      .flatMap(textsOf)
      .filter((section) => /Kappa/.test(section))
      .map((section) => section.replace(/^\*[^*\n]+\*\n/, ''))
      .flatMap((section) => section.split(', ')).length;
    expect(more).toBeGreaterThan(0);
    expect(shown + more).toBe(6000);
  });
});
