import { api } from './classroom-api.ts';
import { roomJoinUrl } from './room-join-url.ts';

/** The room a teacher's browser holds: its code and the teacher token (never sent to phones). */
export interface TeacherRoom {
  code: string;
  teacherToken: string;
  expiresAt: number;
}

/** Kept in localStorage so present mode, the speaker view and the assignments page share one room. */
const ROOM_KEY = 'activation-derivatives:classroom-teacher';

/** The room this browser opened before (while it lasts), or a new one. */
export async function teacherRoom(base: string): Promise<TeacherRoom> {
  const saved = savedTeacherRoom();
  if (saved) {
    try {
      await api(`${base}api/rooms/${saved.code}`);
      return saved;
    } catch {
      // expired or unknown to this server: open a new room
    }
  }
  const room = await api<TeacherRoom>(`${base}api/rooms`, { method: 'POST' });
  localStorage.setItem(ROOM_KEY, JSON.stringify(room));
  return room;
}

/** The saved room, if it has more than 30 minutes left (one about to expire is replaced rather than dying mid-lesson). */
export function savedTeacherRoom(): TeacherRoom | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(ROOM_KEY) ?? 'null') as Partial<TeacherRoom> | null;
    if (
      saved &&
      typeof saved.code === 'string' &&
      typeof saved.teacherToken === 'string' &&
      typeof saved.expiresAt === 'number' &&
      saved.expiresAt - Date.now() > 30 * 60_000
    )
      return { code: saved.code, teacherToken: saved.teacherToken, expiresAt: saved.expiresAt };
  } catch {
    // unreadable: treated as none
  }
  return undefined;
}

/**
 * The join block for the projector: the QR code (an SVG the server draws, as an image so it runs
 * nothing), the address in text beside it and the room code, large.
 */
export function joinBlock(base: string, joinUrl: string, code: string): HTMLElement {
  const block = document.createElement('div');
  block.className = 'classroom-joinblock';
  const address = roomJoinUrl(joinUrl, code);
  const image = document.createElement('img');
  image.className = 'classroom-qr';
  image.src = `${base}api/rooms/${code}/qr.svg`;
  image.width = 168;
  image.height = 168;
  image.alt = `QR code of the join address ${address}`;
  image.dataset['qr'] = '';
  const text = document.createElement('div');
  text.className = 'classroom-jointext';
  const line = document.createElement('p');
  line.className = 'classroom-join';
  line.append('Join at ');
  const url = document.createElement('strong');
  url.className = 'classroom-url';
  url.dataset['joinUrl'] = '';
  url.textContent = joinUrl;
  line.append(url, ' with the code ');
  const codeText = document.createElement('strong');
  codeText.className = 'classroom-code';
  codeText.dataset['code'] = '';
  codeText.textContent = code;
  line.append(codeText);
  const scan = document.createElement('p');
  scan.className = 'classroom-scan muted';
  scan.textContent = 'or scan the code: it opens the page with the room filled in.';
  text.append(line, scan);
  block.append(image, text);
  return block;
}
