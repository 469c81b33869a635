import type { ButtonArgs } from './reply';

/** "Open in Google Sheets" is a link: Slack opens it and still sends the click, which only needs an ack. */
export function openSheet() {
  return async (args: ButtonArgs) => {
    await args.ack();
  };
}
