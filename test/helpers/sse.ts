/** A minimal Server-Sent Events reader over fetch, for tests. */
export interface SseEvent { id: string | null; event: string | null; data: any }

export async function openSse(url: string, headers: Record<string, string> = {}) {
  const ac = new AbortController();
  const res = await fetch(url, { headers, signal: ac.signal });
  if (!res.body) throw new Error(`no body (status ${res.status})`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const queue: SseEvent[] = [];
  let buf = '';
  const wake: { fn: (() => void) | null } = { fn: null };
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const ev: SseEvent = { id: null, event: null, data: null };
          let data = '';
          for (const line of frame.split('\n')) {
            if (line.startsWith('id: ')) ev.id = line.slice(4);
            else if (line.startsWith('event: ')) ev.event = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data) {
            ev.data = JSON.parse(data);
            queue.push(ev);
            wake.fn?.();
          }
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    status: res.status,
    events: queue,
    /** Waits until at least n events arrived (or throws after timeoutMs). */
    async waitFor(n: number, timeoutMs = 5000): Promise<SseEvent[]> {
      const end = Date.now() + timeoutMs;
      while (queue.length < n) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${n} events, have ${queue.length}: ${queue.map((e) => e.event).join(',')}`);
        await new Promise<void>((r) => {
          wake.fn = r;
          setTimeout(r, 50);
        });
      }
      return queue.slice(0, n);
    },
    close: () => ac.abort(),
  };
}
