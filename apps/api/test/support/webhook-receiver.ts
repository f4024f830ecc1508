import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  rawBody: string;
}

/**
 * A webhook receiver on 127.0.0.1 that keeps every request it got and answers with the next
 * status of its script (200 once the script is used up).
 */
export class WebhookReceiver {
  readonly received: ReceivedRequest[] = [];
  private script: number[] = [];
  private readonly server: Server;

  private constructor(server: Server) {
    this.server = server;
  }

  static async start(): Promise<WebhookReceiver> {
    const receiver: WebhookReceiver = new WebhookReceiver(
      createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          receiver.received.push({
            headers: request.headers,
            rawBody: Buffer.concat(chunks).toString('utf8'),
          });
          response.statusCode = receiver.script.shift() ?? 200;
          response.end('ok');
        });
      }),
    );
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));

    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  /** The statuses of the next answers, in order. */
  answerWith(...statuses: number[]): void {
    this.script = [...statuses];
  }

  reset(): void {
    this.received.length = 0;
    this.script = [];
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
