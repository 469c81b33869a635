/**
 * One validator of Block Kit messages against Slack's published limits
 * (https://api.slack.com/reference/block-kit/blocks), plus this app's own rule of three buttons per
 * actions block. Returns the problems found, each naming the block and the limit, so a test failure
 * says exactly what Slack would have rejected.
 */

type Json = Record<string, unknown>;

const TEXT_LIMIT = 3000;

function textOf(object: unknown): string | undefined {
  return object && typeof object === 'object' && typeof (object as Json).text === 'string'
    ? ((object as Json).text as string)
    : undefined;
}

/**
 * Problems with a message's blocks (empty when Slack would accept it).
 * @example validateBlocks([{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }]) // → ['block 0 (header): text is 151 characters, over 150']
 */
export function validateBlocks(blocks: readonly unknown[], options: { maxButtons?: number } = {}): string[] {
  const problems: string[] = [];
  const maxButtons = options.maxButtons ?? 3;
  if (blocks.length > 50) problems.push(`${blocks.length} blocks, over 50`);
  blocks.forEach((raw, i) => {
    const block = raw as Json;
    const where = `block ${i} (${String(block.type)})`;
    const check = (label: string, text: string | undefined, limit: number) => {
      if (text !== undefined && text.length > limit)
        problems.push(`${where}: ${label} is ${text.length} characters, over ${limit}`);
      if (text !== undefined && text.trim() === '') problems.push(`${where}: ${label} is empty`);
    };
    if (typeof block.block_id === 'string' && block.block_id.length > 255)
      problems.push(`${where}: block_id over 255`);
    switch (block.type) {
      case 'header': {
        const text = block.text as Json | undefined;
        if (text?.type !== 'plain_text') problems.push(`${where}: header text must be plain_text`);
        check('text', textOf(text), 150);
        break;
      }
      case 'section': {
        if (!block.text && !block.fields) problems.push(`${where}: section needs text or fields`);
        check('text', textOf(block.text), TEXT_LIMIT);
        const fields = (block.fields ?? []) as unknown[];
        if (fields.length > 10) problems.push(`${where}: ${fields.length} fields, over 10`);
        fields.forEach((field, f) => {
          check(`field ${f}`, textOf(field), 2000);
        });
        if (block.accessory) problems.push(...validateElement(block.accessory as Json, `${where} accessory`));
        break;
      }
      case 'context': {
        const elements = (block.elements ?? []) as unknown[];
        if (elements.length === 0 || elements.length > 10)
          problems.push(`${where}: ${elements.length} elements, want 1–10`);
        elements.forEach((element, e) => {
          check(`element ${e}`, textOf(element), TEXT_LIMIT);
        });
        break;
      }
      case 'actions': {
        const elements = (block.elements ?? []) as Json[];
        if (elements.length === 0 || elements.length > 5)
          problems.push(`${where}: ${elements.length} elements, want 1–5`);
        const buttons = elements.filter((element) => element.type === 'button').length;
        if (buttons > maxButtons)
          problems.push(`${where}: ${buttons} buttons, over this app's ${maxButtons}`);
        const ids = elements.map((element) => element.action_id);
        if (new Set(ids).size !== ids.length) problems.push(`${where}: repeated action_id`);
        for (const element of elements) problems.push(...validateElement(element, where));
        break;
      }
      case 'image': {
        // Exactly one source: a public URL, or a file uploaded to Slack (slack_file: { id }).
        const url = block.image_url;
        const file = block.slack_file as Json | undefined;
        if ((url === undefined) === (file === undefined))
          problems.push(`${where}: needs image_url or slack_file, not both`);
        if (url !== undefined && (typeof url !== 'string' || !/^https?:\/\//.test(url) || url.length > 3000))
          problems.push(`${where}: image_url must be an http(s) URL of ≤ 3000 characters`);
        if (file !== undefined && typeof file.id !== 'string' && typeof file.url !== 'string')
          problems.push(`${where}: slack_file needs an id or url`);
        if (typeof block.alt_text !== 'string' || block.alt_text.length === 0 || block.alt_text.length > 2000)
          problems.push(`${where}: alt_text must be 1–2000 characters`);
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${where}: unexpected block type`);
    }
  });
  return problems;
}

function validateElement(element: Json, where: string): string[] {
  const problems: string[] = [];
  if (element.type !== 'button') return problems;
  const text = textOf(element.text) ?? '';
  if (text.length === 0 || text.length > 75)
    problems.push(`${where}: button text "${text}" must be 1–75 characters`);
  if (typeof element.action_id === 'string' && element.action_id.length > 255)
    problems.push(`${where}: action_id over 255`);
  if (typeof element.value === 'string' && element.value.length > 2000)
    problems.push(`${where}: button value over 2000`);
  if (element.url !== undefined && (typeof element.url !== 'string' || element.url.length > 3000))
    problems.push(`${where}: button url over 3000`);
  return problems;
}
