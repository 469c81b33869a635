/**
 * Getting a chart into a Slack message. HTTP mode: an image block pointing at a signed, expiring
 * link this app serves (needs the app's public URL, SEGMENTS_PUBLIC_URL). Socket Mode (no public
 * URL): the PNG is uploaded with files.getUploadURLExternal, a POST of the bytes, and
 * files.completeUploadExternal (scope files:write), and the image block names the Slack file.
 */
import type { ChartKind, RunSummary } from '@segments/core';
import type { webApi } from '@slack/bolt';
import { chartLink } from './chart-links';
import { renderChartPng } from './render-png';

/** An image for a block: a public URL, or a file uploaded to Slack. */
export type ChartImage = { url: string; alt: string } | { slackFileId: string; alt: string };

/** What a reply needs from charts. */
export interface ChartDelivery {
  /** The chart as an image for `team`; undefined when it cannot be delivered (the answer stays text). */
  imageFor(
    team: string,
    spec: { kind: ChartKind; run: RunSummary; previous?: RunSummary },
  ): Promise<ChartImage | undefined>;
}

/**
 * Charts as signed links to this app (HTTP mode).
 * @example linkedCharts({ baseUrl: 'https://segments.example.com', secret }).imageFor('T1', { kind: 'sizes', run })
 */
export function linkedCharts(options: { baseUrl: string; secret: string; now?: () => Date }): ChartDelivery {
  const now = options.now ?? (() => new Date());
  return {
    async imageFor(team, spec) {
      const url = chartLink(
        options.baseUrl,
        options.secret,
        {
          team,
          runId: spec.run.id,
          kind: spec.kind,
          ...(spec.previous ? { previousId: spec.previous.id } : {}),
        },
        now(),
      );
      // The alt text needs the drawing's numbers; rendering is a few milliseconds and gets cached by Slack.
      return { url, alt: renderChartPng(spec).alt };
    },
  };
}

/**
 * Charts uploaded to Slack (Socket Mode): files.getUploadURLExternal → POST bytes →
 * files.completeUploadExternal. A failed upload leaves the answer as text (and is logged).
 */
export function uploadedCharts(options: {
  client: webApi.WebClient;
  logWarn?: (message: string) => void;
}): ChartDelivery {
  return {
    async imageFor(_team, spec) {
      const chart = renderChartPng(spec);
      const filename = `segments-${spec.kind}-${spec.run.id}.png`.replace(/[^\w.-]+/g, '-');
      try {
        const ticket = await options.client.files.getUploadURLExternal({
          filename,
          length: chart.png.length,
        });
        if (!ticket.upload_url || !ticket.file_id) throw new Error('no upload URL');
        const upload = await fetch(ticket.upload_url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream' },
          body: chart.png,
        });
        if (!upload.ok) throw new Error(`upload answered ${upload.status}`);
        await options.client.files.completeUploadExternal({
          files: [{ id: ticket.file_id, title: chart.alt.slice(0, 100) }],
        });
        return { slackFileId: ticket.file_id, alt: chart.alt };
      } catch (error) {
        options.logWarn?.(`chart upload failed: ${(error as Error).message}`);
        return undefined;
      }
    },
  };
}
