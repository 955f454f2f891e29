import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readNdjson } from '../../../src/cli/ndjson.js';

async function collect(text: string) {
  const items = [];
  for await (const item of readNdjson(Readable.from([text]))) items.push(item);
  return items;
}

describe('reading NDJSON', () => {
  it('numbers items by line, skipping blank lines and the banner npm writes before a script', async () => {
    const items = await collect('\n> parley@0.1.0 generate\n> npm run build --silent && node dist/src/cli/generate.js\n\n{"callId":"A"}\n{"callId":"B"}\n');
    expect(items.map((i) => [i.index, 'value' in i ? i.value : i.unparsable])).toEqual([
      [5, { callId: 'A' }],
      [6, { callId: 'B' }],
    ]);
  });

  it('turns any other non-JSON line into an unparsable item that names its line', async () => {
    const items = await collect('{"callId":"A"}\nnot json\n{"callId":');
    expect(items[1]).toMatchObject({ index: 2, unparsable: expect.stringContaining('line 2') });
    expect(items[2]).toMatchObject({ index: 3, unparsable: expect.stringContaining('line 3') });
  });
});
