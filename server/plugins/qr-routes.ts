import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { openRoom } from '../access.ts';
import type { RouteContext } from '../app.ts';
import { roomJoinUrl } from '../../components/classroom/room-join-url.ts';
import { codeParams } from '../route-params.ts';

/** How the code is drawn: medium error correction (a smudged projector still scans), a 2-module margin. */
export const QR_OPTIONS = { type: 'svg', errorCorrectionLevel: 'M', margin: 2 } as const;

/**
 * `GET /api/rooms/:code/qr.svg`: the room's join address as a QR code (SVG drawn by `qrcode` here
 * on the server, so no page of the site carries the encoder). A phone that scans it lands on
 * /join/ with the room code already filled in. Anyone with the code may fetch it, as they may
 * read the address off the projector.
 */
export function qrRoutes(
  app: FastifyInstance,
  context: RouteContext & { joinUrl: () => string | null },
): Promise<void> {
  app.get<{ Params: { code: string } }>(
    '/api/rooms/:code/qr.svg',
    {
      schema: {
        params: codeParams,
      },
      config: { rateLimit: { max: context.requestLimit.max, timeWindow: context.requestLimit.windowMs } },
    },
    async (request, reply) => {
      const room = await openRoom(context, request.params.code);
      // Without a known join address (tests, an API-only server) the address the request came to.
      const joinUrl = context.joinUrl() ?? `${request.protocol}://${request.host}/join/`;
      const svg = await QRCode.toString(roomJoinUrl(joinUrl, room.code), QR_OPTIONS);
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(svg);
    },
  );
  return Promise.resolve();
}
