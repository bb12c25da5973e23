import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/render-text.js';
import { type AnswerReply, renderReply } from '../../src/slack/blocks/render-reply.js';
import { SMALL_TALK_REPLY, type UnknownReply } from '../../src/tutor/reply.js';
import { Understanding } from '../../src/understand/understanding.js';
import { textOf } from '../helpers/message-text.js';
import { notesDir } from '../helpers/notes-dir.js';
import { FIXTURES_DIR, KNOWLEDGE_DIR, STORAGE_NOTES_DIR } from '../helpers/paths.js';
import { tutorFor } from '../helpers/tutor.js';

describe('small talk', () => {
  const tutor = tutorFor(KNOWLEDGE_DIR);

  it('is never answered with a topic of the notes or with help', () => {
    for (const question of ['hello!', 'thanks a bunch', 'have a good one', 'how are you doing today']) {
      expect(tutor.answer(question).intent, question).toBe('unknown');
    }
  });

  it('greets, then asks: what follows the greeting says what is asked', () => {
    expect(tutor.answer('hello, what are you for?').intent).toBe('help');
    expect(tutor.answer('hey there, what are you even for').intent).toBe('help');
    expect(tutor.answer('hi, what is fargate').intent).toBe('explain');
    expect(tutor.answer('hi there').intent).toBe('unknown');
    expect(tutor.answer('hello, how are you today').intent).toBe('unknown');
  });

  it('is no leaderboard request for sharing a word stem with `top`', () => {
    expect(tutor.answer('favourite toppings?').intent).toBe('unknown');
    expect(tutor.answer('who is on top').intent).toBe('leaderboard');
  });

  it('is no leaderboard, list or quiz request when it asks about sport', () => {
    for (const question of [
      'whos top of the table in the premier league',
      'who is winning the world cup',
      'quiz me on football',
      'list the premier league teams',
      'whats the score in the match tonight lol, im stuck in this meeting',
      'who is top at halftime',
      'premier league table',
      'did you see the match last night, what a goal',
    ]) {
      const reply = tutor.answer(question) as UnknownReply;
      expect(reply.intent, question).toBe('unknown');
      expect(reply.smallTalk, question).toBe(true);
    }
    expect(tutor.answer('who is top this week').intent).toBe('leaderboard');
    expect(tutor.answer('whats the score').intent).toBe('leaderboard');
    // A league table is any table of who leads, the quiz's too, when no sport is named.
    expect(tutor.answer('league table please').intent).toBe('leaderboard');
    expect(tutor.answer('show me the league table').intent).toBe('leaderboard');
    expect(tutor.answer('quiz me on fargate').intent).toBe('quiz');
  });

  it('is no leaderboard request when it says when, as one would, but asks for no standing', () => {
    for (const question of ['honestly this week has been rough', 'this month flew by, anyone got plans']) {
      const reply = tutor.answer(question) as UnknownReply;
      expect(reply.intent, question).toBe('unknown');
      expect(reply.smallTalk, question).toBe(true);
    }
    expect(tutor.answer('how is my team doing this week').intent).toBe('leaderboard');
    expect(tutor.answer('who got the most right this month').intent).toBe('leaderboard');
  });

  it('is an emoji or a smiley with no word to look up, never a gap in the notes; a lone "?" asks for help', () => {
    for (const question of ['👍', '🙂🙂🙂', ':)', '...']) {
      const reply = tutor.answer(question) as UnknownReply;
      expect(reply.intent, question).toBe('unknown');
      expect(reply.smallTalk, question).toBe(true);
    }
    expect(tutor.answer('?').intent).toBe('help');
    expect(tutor.answer('🚀 fargate').intent).toBe('explain');
  });

  it('is told what the tutor is for when it reads as small talk', () => {
    for (const question of ['hello!', 'good afternoon', 'have a good one', 'see you later alligator']) {
      const reply = tutor.answer(question) as UnknownReply;
      expect(reply.smallTalk, question).toBe(true);
      expect(reply.suggestions).toEqual([]);
    }
  });

  it('is small talk however many words new to the tutor the chat wanders into', () => {
    for (const area of ['identity-edge', 'hybrid-networking']) {
      const reply = tutorFor(join(FIXTURES_DIR, 'notes', area)).answer(
        'any good ramen places near the station',
      );
      expect((reply as UnknownReply).smallTalk, area).toBe(true);
    }
  });

  it('is small talk about the kitchen and the garden too', () => {
    const databases = tutorFor(join(FIXTURES_DIR, 'notes', 'gcp-databases'));
    const sourdough = databases.answer('any tips for keeping my sourdough starter alive');
    expect((sourdough as UnknownReply).smallTalk).toBe(true);
    const storage = tutorFor(join(FIXTURES_DIR, 'notes', 'gcs'));
    const basil = storage.answer('any tips for keeping basil alive on a windowsill');
    expect(basil.intent).toBe('unknown');
  });

  it('keeps a question that comes with a greeting', () => {
    const reply = tutor.answer('hi there, what is fargate');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.id).toBe('fargate');
    expect(
      tutorFor(STORAGE_NOTES_DIR).answer('thanks! and how long does glacier take to restore').intent,
    ).toBe('explain');
  });

  it("answers a question phrased like chat when it is full of the notes' words", () => {
    const notes = join(FIXTURES_DIR, 'notes', 'observability-devops');
    const question =
      "someone deleted our prod server last night and nobody's owning up, how do we find out who did it";
    // The phrasing alone reads as chat ("last night", "nobody's owning up")...
    expect(new Understanding(tutorFor(notes).knowledge).understand(question).read.intent.intent).toBe(
      'smalltalk',
    );
    // ...but seven of its words are the notes' own: it is a question for them.
    const reply = tutorFor(notes).answer(question);
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toMatch(/CloudTrail/);
    for (const chat of [
      'did u guys watch the game last night lol',
      'anyone know a good lunch spot near the office',
    ])
      expect((tutorFor(notes).answer(chat) as UnknownReply).smallTalk, chat).toBe(true);
  });

  it('takes everyday words the notes write side by side as their phrase, not as chat', () => {
    const dir = notesDir({
      'deploy.md': [
        '# Deployments',
        '- keep N identical pods running, rolling updates by default',
        '- `kubectl rollout undo` rolls back to the previous revision',
        '',
        '# Services',
        '- stable virtual IP & DNS name in front of a set of pods',
        '',
      ].join('\n'),
    });
    const reply = tutorFor(dir).answer('how do i roll back a bad release');
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.title).toBe('Deployments');
  });

  it('reads the same at the terminal and in Slack', () => {
    const reply = tutor.answer('good afternoon') as UnknownReply;
    expect(renderText(reply)).toBe(SMALL_TALK_REPLY);
    const message = renderReply(reply as AnswerReply, { shareable: false });
    expect(textOf(message)).toContain('AWS study tutor');
    expect(textOf(message)).not.toContain('don’t cover');
  });

  it('gets no answer from notes it shares only everyday words with', () => {
    // `good for A/B tests` (AppConfig) or `continuously watches ur accounts` (GuardDuty) are no
    // answer to chat about the weather or television.
    for (const area of ['developer-tools', 'security-compliance', 'ml-ai']) {
      const notes = tutorFor(join(FIXTURES_DIR, 'notes', area));
      for (const question of ['good morning, what a lovely day', 'what should i watch tonight'])
        expect(notes.answer(question).intent, `${question} (${area})`).toBe('unknown');
    }
    // One word of the trade among everyday ones is a question about the notes.
    expect(tutorFor(STORAGE_NOTES_DIR).answer('how do i keep old files cheap for years').topics[0]?.id).toBe(
      's3-glacier',
    );
  });

  it('is no reason to hold back a topic that accounts for every word of a question in everyday words', () => {
    const billing = tutorFor(join(FIXTURES_DIR, 'notes', 'cost-billing'));
    expect(billing.answer('what can i use for free in my first year').topics[0]?.title).toMatch(
      /^AWS Free Tier/,
    );
    expect(billing.answer('how do i get a detailed file of every charge').topics[0]?.title).toMatch(
      /^AWS Data Exports/,
    );
  });
});

describe('chat about everyday life', () => {
  it('gets no guess from the notes, and is told what the tutor is for', () => {
    for (const [area, question] of [
      ['ml-ai', 'can you recommend a good pizza place near the office'],
      ['hybrid-networking', 'my cat keeps knocking my coffee off the desk, how do i make her stop'],
      ['developer-tools', 'whats a good banana bread recipe'],
      ['containers-platform', 'whats good for lunch near the office, bored of the sandwich place'],
    ] as const) {
      const reply = tutorFor(join(FIXTURES_DIR, 'notes', area)).answer(question) as UnknownReply;
      expect(reply.intent, question).toBe('unknown');
      expect(reply.smallTalk, question).toBe(true);
    }
  });

  it('is told what the tutor is for even where the notes would not have guessed', () => {
    const reply = tutorFor(KNOWLEDGE_DIR).answer('can you recommend a good pizza place near the office');
    expect((reply as UnknownReply).smallTalk).toBe(true);
  });

  it('still names a service the notes lack that the chat asks about', () => {
    const reply = tutorFor(KNOWLEDGE_DIR).answer(
      'over coffee i was wondering what app mesh does',
    ) as UnknownReply;
    expect(reply.smallTalk).toBeUndefined();
    expect(reply.notCovered).toContain('AWS App Mesh');
  });

  it('gets no answer, however sure, from the few words it shares with the notes', () => {
    const websockets = tutorFor(
      notesDir({
        'websockets.md': [
          '# WebSocket APIs (two-way connections)',
          '- a **WebSocket API** keeps a two-way connection open between the client and ur backend',
          '- idle connections close after 10 minutes, tips: send a ping frame to keep the connection alive',
          '- max connection duration 2 hours, the client must reconnect after that',
          '# REST APIs (request & response)',
          '- a **REST API** answers one request with one response, no connection kept open',
          '- tips: cache GET responses at the edge to keep latency low',
        ].join('\n'),
      }),
    );
    const chat = websockets.answer('any tips for keeping my sourdough starter alive') as UnknownReply;
    expect(chat.intent).toBe('unknown');
    expect(chat.smallTalk).toBe(true);
    const need = websockets.answer(
      'our gym booking app keeps websocket connections open for live class updates, how do we keep them alive when idle',
    );
    expect(need.intent).toBe('explain');
    expect(need.topics[0]?.id).toBe('websocket-apis');
  });

  it('still answers a need told around such a word', () => {
    const reply = tutorFor(join(FIXTURES_DIR, 'notes', 'frontend-mobile')).answer(
      'we run a pizza delivery app and need to send push notifications to customers phones when the driver is close',
    );
    expect(reply.intent).toBe('explain');
    expect(reply.topics[0]?.id).toBe('end-user-messaging');
  });
});
