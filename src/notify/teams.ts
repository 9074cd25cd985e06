import { jsonWebhookPoster, type PosterOptions } from './slack.ts';

/** The Adaptive Card version Teams renders through Workflows (1.5 cards show as an error there). */
export const TEAMS_CARD_VERSION = '1.4';

/** An Adaptive Card text block (the only element the cards use). */
interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'Bolder';
  size?: 'Medium';
  spacing?: 'Medium';
}

/**
 * A Workflows webhook's message: one Adaptive Card 1.4 holding the subject as a heading and one
 * text block per line of the text (Teams joins single line breaks inside a block), a blank line
 * becoming spacing; Slack's `*bold*` becomes the card's `**bold**`.
 */
export function teamsPayload(subject: string, text: string) {
  const body: TextBlock[] = [
    { type: 'TextBlock', text: subject, wrap: true, weight: 'Bolder', size: 'Medium' },
  ];
  let gap = false;
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      gap = true;
      continue;
    }
    body.push({
      type: 'TextBlock',
      text: line.replace(/\*([^*\n]+)\*/g, '**$1**'),
      wrap: true,
      ...(gap ? { spacing: 'Medium' as const } : {}),
    });
    gap = false;
  }
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: TEAMS_CARD_VERSION,
          body,
        },
      },
    ],
  };
}

/**
 * Posts to a Teams Workflows webhook: the card of teamsPayload (see jsonWebhookPoster; Workflows
 * answers 202).
 */
export function teamsPoster(
  opts: PosterOptions = {},
): (url: string, subject: string, text: string) => Promise<void> {
  return jsonWebhookPoster('Teams', teamsPayload, opts);
}
