/** A mention's text without the bot's own `<@U…>` mention, which is how Slack addresses it. */
export function withoutBotMention(text: string, botUserId: string | undefined): string {
  const mention = botUserId
    ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g')
    : /^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>/;
  return text.replace(mention, ' ').trim();
}
