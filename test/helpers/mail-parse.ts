/** Just enough MIME parsing for tests: headers, and the text/plain part decoded (quoted-printable or base64), in nested multiparts too. */
export function simpleParse(raw: string): { subject: string; messageId: string; text: string; headers: Map<string, string> } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = parseHeaders(head);
  const body = rest.join('\r\n\r\n');
  const ct = headers.get('content-type') ?? 'text/plain';
  let text = '';
  const boundary = /boundary="?([^";]+)"?/i.exec(ct)?.[1];
  if (boundary) {
    for (const part of body.split(`--${boundary}`)) {
      const [ph = '', ...pb] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
      const h = parseHeaders(ph);
      if ((h.get('content-type') ?? '').startsWith('text/plain')) {
        text = decode(pb.join('\r\n\r\n'), h.get('content-transfer-encoding') ?? '');
        break;
      }
      // A message with files: the bodies are a multipart/alternative inside the multipart/mixed.
      if ((h.get('content-type') ?? '').startsWith('multipart/')) {
        text = simpleParse(part.replace(/^\r?\n/, '')).text;
        if (text) break;
      }
    }
  } else text = decode(body, headers.get('content-transfer-encoding') ?? '');
  return { subject: decodeWords(headers.get('subject') ?? ''), messageId: headers.get('message-id') ?? '', text, headers };
}

function parseHeaders(head: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) out.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return out;
}

function decode(s: string, enc: string): string {
  if (/base64/i.test(enc)) return Buffer.from(s.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(enc)) {
    const bytes = s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return s;
}

function decodeWords(s: string): string {
  return s.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, kind: string, data: string) =>
    kind.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decode(data.replace(/_/g, ' '), 'quoted-printable'),
  ).replace(/\?=\s+=\?/g, '');
}
