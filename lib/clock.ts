import { parseCalendarDate } from './dates';

/**
 * The portal's "now", the one clock the dashboard's phase logic reads. In use it is the
 * real time. PORTAL_TODAY=yyyy-mm-dd (for tests and demonstrations only) pins the day,
 * at noon China time, so a server can be shown as it would be on that day (which phase
 * is running, which has ended). Writes still check their dates against the real clock.
 */
export function portalNow(): Date {
  const pinned = process.env.PORTAL_TODAY;
  const day = pinned ? parseCalendarDate(pinned) : null;
  return day ? new Date(day.getTime() + 4 * 3_600_000) : new Date();
}
