import { describe, expect, it } from 'vitest';
import type { ScheduleView } from '../../../src/quiz/records.js';
import type { SlackMessage } from '../../../src/slack/blocks/render-reply.js';
import {
  renderAlreadyPosted,
  renderDailyNeedsChannel,
  renderNotAllowed,
  renderPostedNow,
  renderPostFailed,
  renderScheduleError,
  renderScheduleOff,
  renderScheduleSet,
  renderScheduleView,
  SCHEDULE_USAGE,
} from '../../../src/slack/blocks/render-schedule.js';
import type { ChannelSchedule, PostedQuiz } from '../../../src/store/store.js';
import { allStrings, assertWithinBlockKitLimits, liveMarkup } from '../../helpers/block-kit-limits.js';
import { textOf } from '../../helpers/message-text.js';

/** Within limits; live markup only the expected mentions, channel links and date tokens. */
function checked(message: SlackMessage, allowed: string[] = []): SlackMessage {
  assertWithinBlockKitLimits(message);
  const live = allStrings(message)
    .flatMap((text) => liveMarkup(text))
    .filter((token) => !allowed.includes(token) && !/^<!date\^\d+\^[^|>]*\|[^>]*>$/.test(token));
  expect(live).toEqual([]);
  return message;
}

const schedule: ChannelSchedule = {
  teamId: 'T1',
  channelId: 'C1',
  time: '09:00',
  zone: 'Europe/Berlin',
  setBy: 'U7',
  setAt: new Date('2024-04-30T10:00:00Z'),
};
const NEXT = new Date('2024-05-02T07:00:00Z');
const view = (overrides: Partial<ScheduleView> = {}): ScheduleView => ({
  schedule,
  nextPostAt: NEXT,
  postedToday: true,
  ...overrides,
});
const nextToken = `<!date^${NEXT.getTime() / 1000}^{date_short_pretty} at {time}|2024-05-02 07:00 UTC>`;

describe('renderScheduleView', () => {
  it('says when the channel’s daily quiz is posted and when next, in each reader’s time', () => {
    const message = checked(renderScheduleView(view(), 'C1'), ['<#C1>', '<@U7>']);
    const text = textOf(message);
    expect(text).toContain('Daily quiz in <#C1>: every day at *09:00* Europe/Berlin.');
    expect(text).toContain(`Next question: ${nextToken}.`);
    expect(text).toContain('Today’s question is posted.');
    expect(text).toContain('Set by <@U7>');
    expect(message.text).toBe(
      'Daily quiz in <#C1>: every day at 09:00 Europe/Berlin; next at 2024-05-02 07:00 UTC.',
    );
    expect(textOf(renderScheduleView(view({ postedToday: false }), 'C1'))).toContain(
      'Today’s question is not posted yet.',
    );
  });

  it('says how to turn it on when the channel has none', () => {
    const message = checked(
      renderScheduleView({ schedule: null, nextPostAt: null, postedToday: false }, 'C1'),
      ['<#C1>'],
    );
    expect(message.text).toBe('There is no daily quiz in <#C1> yet.');
    expect(textOf(message)).toContain('`/aws quiz daily 09:00 Europe/Berlin`');
  });

  it('escapes what it shows from the store', () => {
    const hostile: ChannelSchedule = {
      ...schedule,
      time: '<!channel>',
      zone: `${'<@U1>&'.repeat(600)}`,
      setBy: '<!here>',
    };
    const message = checked(renderScheduleView(view({ schedule: hostile }), '<!everyone>'));
    expect(textOf(message)).toContain('&lt;!channel&gt;');
    checked(renderScheduleSet(view({ schedule: { ...hostile, channelId: 'x<y' } })));
  });
});

describe('schedule changes', () => {
  it('confirms a schedule set, with the first question’s time', () => {
    const message = checked(renderScheduleSet(view({ postedToday: false })), ['<#C1>']);
    expect(textOf(message)).toContain(
      'Done: a daily quiz question will be posted in <#C1> every day at *09:00* Europe/Berlin.',
    );
    expect(textOf(message)).toContain(`The next one comes ${nextToken}.`);
    expect(textOf(renderScheduleSet(view()))).toContain('Today’s is already out');
    expect(message.text).toBe(
      'Done: a daily quiz question will be posted in <#C1> every day at 09:00 Europe/Berlin.',
    );
  });

  it('confirms turning it off, or that there was nothing to turn off', () => {
    expect(checked(renderScheduleOff(true)).text).toBe(
      'The daily quiz in this channel is off now. Scores so far are kept.',
    );
    const none = checked(renderScheduleOff(false));
    expect(none.text).toBe('This channel has no daily quiz to turn off.');
    expect(textOf(none)).toContain('/aws quiz daily 09:00 Europe/Berlin');
  });

  it('shows an error with the usage, escaped', () => {
    const message = checked(renderScheduleError('“25:00” is not a time: write it like 09:00 <!here>'));
    expect(message.text).toBe('“25:00” is not a time: write it like 09:00 &lt;!here&gt;');
    expect(textOf(message)).toContain(SCHEDULE_USAGE);
    expect(textOf(message)).toContain('`/aws quiz daily off`');
    const withUsage = checked(renderScheduleError('Use `/aws quiz daily 09:00` to set it.'));
    expect(textOf(withUsage)).not.toContain(SCHEDULE_USAGE);
    checked(renderScheduleError('x'.repeat(10_000)));
    checked(renderScheduleError('  '));
  });

  it('refuses politely who may not change it', () => {
    const message = checked(renderNotAllowed());
    expect(message.text).toMatch(
      /^Sorry, only workspace admins and owners, or people listed in TUTOR_ADMINS/,
    );
  });

  it('says a question was posted, or is posted already (linked when it can be)', () => {
    expect(checked(renderPostedNow('C1'), ['<#C1>']).text).toBe('Posted today’s quiz question in <#C1>.');
    expect(checked(renderPostedNow()).text).toBe('Posted today’s quiz question in this channel.');
    const link = 'https://example.slack.com/archives/C1/p1714546800000100';
    const linked = checked(renderAlreadyPosted(link), [`<${link}|Today’s quiz question>`]);
    expect(textOf(linked)).toContain(`<${link}|Today’s quiz question> is already posted`);
    for (const bad of ['javascript:alert(1)', 'https://x|<!channel>', null]) {
      const message = checked(renderAlreadyPosted(bad));
      expect(textOf(message)).toMatch(/^Today’s quiz question is already posted/);
    }
  });

  it('takes the posted quiz itself, saying when it was posted and closes', () => {
    const quiz = {
      id: 'daily:T1:C1:2024-05-01',
      channelId: 'C1',
      postedAt: new Date('2024-05-01T07:00:00Z'),
      closesAt: new Date('2024-05-01T17:00:00Z'),
    } as PostedQuiz;
    expect(checked(renderPostedNow(quiz), ['<#C1>']).text).toBe('Posted today’s quiz question in <#C1>.');
    const already = checked(renderAlreadyPosted(quiz), ['<#C1>']);
    expect(already.text).toBe('Today’s quiz question is already posted in <#C1>.');
    expect(textOf(already)).toContain(
      'Posted <!date^1714546800^{date_short_pretty} at {time}|2024-05-01 07:00 UTC>; closes <!date^1714582800^',
    );
  });

  it('says why a question could not be posted', () => {
    expect(checked(renderPostFailed('not_in_channel')).text).toBe(
      'I couldn’t post today’s quiz question. I’m not in this channel: add me with `/invite` and my name, then try again.',
    );
    const odd = checked(renderPostFailed('<!channel> `weird`'));
    expect(odd.text).toContain("Slack said `&lt;!channel&gt; 'weird'`: try again in a minute.");
    checked(renderPostFailed(''));
    checked(renderPostFailed('x'.repeat(5000)));
  });

  it('explains that a direct message has no channel to post in', () => {
    const message = checked(renderDailyNeedsChannel());
    expect(message.text).toMatch(/direct message has none to post in/);
    expect(textOf(message)).toContain('in the channel you want it in');
  });
});
