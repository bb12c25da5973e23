import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/render-text.js';
import type { Reply } from '../../src/tutor/reply.js';
import { KNOWLEDGE_DIR } from '../helpers/paths.js';
import { tutorFor } from '../helpers/tutor.js';

const ask = (question: string): Reply => tutorFor(KNOWLEDGE_DIR).answer(question);

describe('renderText', () => {
  it('renders an explanation: title, lead bullets, the rest, source and related topics', () => {
    const text = renderText(ask('what is fargate'));
    const lines = text.split('\n');
    expect(lines[0]).toBe('Fargate (serverless)');
    expect(lines[1]).toMatch(/^• /);
    expect(text).toContain('Also in the notes:');
    expect(text).toContain('Source: compute.md › Fargate (serverless)');
    expect(text).toMatch(/^Related: .*ECS/m);
  });

  it('renders sub-points under their bullet', () => {
    const text = renderText(ask('where are docker images stored'));
    expect(text).toMatch(/• .*Docker Images.*\n\s+– p(rivate|ublic) : .*\n\s+– p(rivate|ublic) : /);
  });

  it('renders a comparison with a heading per side and the shared subjects', () => {
    const text = renderText(ask('ecs vs fargate'));
    expect(text.split('\n')[0]).toBe('ECS (Elastic Container Service) vs Fargate (serverless)');
    expect(text).toMatch(/^On .+:$/m);
    expect(text).toMatch(/^ {2}ECS \(Elastic Container Service\): /m);
    expect(text).toMatch(/^ {2}Fargate \(serverless\): /m);
  });

  it('renders the topic list, the unknown reply and help', () => {
    expect(renderText(ask('topics'))).toMatch(/^Topics in the notes\ncompute\.md\n {2}Docker, ECS/);
    expect(renderText(ask('what is zqxv'))).toContain('The notes don’t cover “what is zqxv”.');
    expect(renderText(ask('what is s3'))).toMatch(
      /^The notes don’t cover Amazon Simple Storage Service \(S3\)\./,
    );
    expect(renderText(ask('ec2'))).toMatch(
      /^The notes don’t cover Amazon Elastic Compute Cloud \(EC2\)\.\nThe notes mention it in: ECS/,
    );
    expect(renderText(ask('help'))).toMatch(/e\.g\. what is fargate/);
  });

  it('colours only on request', () => {
    const reply = ask('what is fargate');
    expect(renderText(reply)).not.toContain('\x1b[');
    expect(renderText(reply, { color: true })).toContain('\x1b[1mFargate (serverless)\x1b[22m');
  });

  it('truncates a long question echoed in an unknown reply', () => {
    const text = renderText(ask(`what is ${'zqxv '.repeat(100)}`));
    const echoed = /“(.*)”/.exec(text)?.[1] ?? '';
    expect(echoed.length).toBeLessThanOrEqual(80);
    expect(echoed.endsWith('…')).toBe(true);
  });

  it('sends a quiz request to the chat, never saying quizzes are unavailable', () => {
    const topical = renderText(ask('quiz me on lambda'));
    expect(topical).toContain('Practice questions on Lambda are asked in the chat');
    expect(topical).toContain('“quiz me on lambda”');
    expect(topical).toContain('npm run tutor -- quiz --topic lambda');
    const any = renderText(ask('quiz'));
    expect(any).toMatch(/^Practice questions are asked in the chat/);
    expect(any).toMatch(/npm run tutor -- quiz$/m);
    for (const text of [topical, any]) expect(text).not.toMatch(/not available/i);
  });

  it('says where scores are kept and how to export the answers', () => {
    const text = renderText(ask('leaderboard'));
    expect(text).toMatch(/^Scores are kept for the quizzes in Slack/);
    expect(text).toContain('npm run tutor -- export answers');
    expect(text).not.toMatch(/not kept in this version|not available/i);
  });

  it('says when a reply is only the closest match, and lists the next candidates', () => {
    const reply = ask('what is fargate');
    if (reply.intent !== 'explain') throw new Error(`want explain, got ${reply.intent}`);
    const text = renderText({
      ...reply,
      sure: false,
      alternatives: [{ id: 'ecs', title: 'ECS (Elastic Container Service)' }],
    });
    expect(text).toMatch(/^Closest match in the notes: Fargate \(serverless\)\n/);
    expect(text).toMatch(/\nDid you mean: ECS \(Elastic Container Service\)\?$/);
    expect(renderText(reply)).toMatch(/^Fargate \(serverless\)\n/);
  });
});
