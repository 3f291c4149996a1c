import { timingSafeEqual } from 'node:crypto';
import type { RouteContext } from './app.ts';
import { ApiError } from '../components/classroom/api-error.ts';
import type { Room, Student } from './storage/classroom-store.ts';
import { bearerToken, hashToken } from './tokens.ts';

/**
 * The room, expired or not (a teacher's results and exports stay readable when the lesson is
 * over): 404 for an unknown code.
 */
export async function existingRoom(context: RouteContext, code: string): Promise<Room> {
  const room = await context.store.findRoom(code);
  if (room === undefined) throw new ApiError(404, 'room-not-found', `There is no room ${code}.`);
  return room;
}

/** The room, if it exists and has not expired: 404 for an unknown code, 410 for an expired one. */
export async function openRoom(context: RouteContext, code: string): Promise<Room> {
  const room = await existingRoom(context, code);
  if (context.now() >= room.expiresAt)
    throw new ApiError(410, 'room-expired', `Room ${code} has closed. Ask your teacher for a new code.`);
  return room;
}

/** 401 without a token, 403 when the token is not this room's teacher token. */
export function requireTeacher(room: Room, authorization: string | undefined): void {
  const token = bearerToken(authorization);
  if (token === undefined) throw unauthorised();
  const given = Buffer.from(hashToken(token), 'hex');
  const expected = Buffer.from(room.teacherTokenHash, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new ApiError(403, 'forbidden', 'Only the teacher of this room may do this.');
}

/** Whether the header carries this room's teacher token. */
export function isTeacher(room: Room, authorization: string | undefined): boolean {
  try {
    requireTeacher(room, authorization);
    return true;
  } catch {
    return false;
  }
}

/** The student the token belongs to: 401 without a token, 403 for a token of no student of this room. */
export async function requireStudent(
  context: RouteContext,
  room: Room,
  authorization: string | undefined,
): Promise<Student> {
  const token = bearerToken(authorization);
  if (token === undefined) throw unauthorised();
  const student = await context.store.findStudent(hashToken(token));
  if (student?.roomCode !== room.code)
    throw new ApiError(403, 'forbidden', 'This token does not belong to a student of this room.');
  return student;
}

const unauthorised = () => new ApiError(401, 'unauthorised', 'Send your token as "Authorization: Bearer <token>".');
