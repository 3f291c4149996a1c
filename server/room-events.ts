import type { ServerResponse } from 'node:http';

/**
 * Live updates by server-sent events, one channel per room. Events carry no answers and no names
 * (anyone holding the room code may listen): `question` and `assignment` tell phones what to show,
 * `answered` tells the teacher's panel or table to fetch the summary or results with its token.
 */
export class RoomEvents {
  readonly #channels = new Map<string, Set<ServerResponse>>();
  readonly #heartbeat: NodeJS.Timeout;
  /** At most this many listeners per room, so one room cannot hold every socket. */
  readonly maxListeners: number;

  constructor(options: { heartbeatMs?: number; maxListeners?: number } = {}) {
    this.maxListeners = options.maxListeners ?? 1000;
    // A comment line keeps proxies and phones from closing an idle stream.
    this.#heartbeat = setInterval(() => this.#writeAll(': ping\n\n'), options.heartbeatMs ?? 20_000);
    this.#heartbeat.unref();
  }

  /** Whether the room can take one more listener. */
  hasRoom(code: string): boolean {
    return (this.#channels.get(code)?.size ?? 0) < this.maxListeners;
  }

  /** Starts an event stream on `response` (already hijacked from Fastify) and sends `first`. */
  subscribe(code: string, response: ServerResponse, first: readonly { event: string; data: unknown }[]): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // Phones reconnect by themselves (EventSource) after 2 s.
    response.write(`retry: 2000\n${first.map((f) => frame(f.event, f.data)).join('')}`);
    let channel = this.#channels.get(code);
    if (channel === undefined) this.#channels.set(code, (channel = new Set()));
    channel.add(response);
    response.on('close', () => {
      channel.delete(response);
      if (channel.size === 0) this.#channels.delete(code);
    });
  }

  publish(code: string, event: string, data: unknown): void {
    const text = frame(event, data);
    for (const response of this.#channels.get(code) ?? []) response.write(text);
  }

  /** Ends every stream (graceful shutdown: the server can only close once they are gone). */
  close(): void {
    clearInterval(this.#heartbeat);
    for (const channel of this.#channels.values()) for (const response of channel) response.end();
    this.#channels.clear();
  }

  #writeAll(text: string): void {
    for (const channel of this.#channels.values()) for (const response of channel) response.write(text);
  }
}

const frame = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
