// @ts-check
/**
 * The pure part of the reminders' views (tested by Node): local wall times
 * (`YYYY-MM-DDTHH:MM`), the snooze presets, how late a reminder is, its origin in words,
 * the lead times typed in Paramètres.
 */
import { isoDateOf } from './format.js';

/** @typedef {import('./api/reminderTypes.js').Reminder} Reminder */

/** @param {number} n */
const two = (n) => String(n).padStart(2, '0');

/**
 * The broker's local wall time of a `Date`, `YYYY-MM-DDTHH:MM`.
 * @param {Date} d
 */
export function wallOf(d) {
  return `${isoDateOf(d)}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

/**
 * A date at 9:00, `days` after `d`'s day.
 * @param {Date} d @param {number} days
 */
function nineOn(d, days) {
  const x = new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, 9, 0);
  return wallOf(x);
}

/**
 * What « Reporter » offers, each a wall time after `now`: in an hour, tomorrow at 9:00,
 * next Monday at 9:00 (a Monday: the one after), in a week (same time).
 * @param {Date} now
 * @returns {{ key: string, until: string }[]}
 */
export function snoozePresets(now) {
  const hour = new Date(now.getTime() + 60 * 60 * 1000);
  const toMonday = ((8 - now.getDay()) % 7) || 7;
  const week = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 7, now.getHours(), now.getMinutes());
  return [
    { key: 'reminders.snooze.hour', until: wallOf(hour) },
    { key: 'reminders.snooze.tomorrow', until: nineOn(now, 1) },
    { key: 'reminders.snooze.monday', until: nineOn(now, toMonday) },
    { key: 'reminders.snooze.week', until: wallOf(week) },
  ];
}

/**
 * Whole days a due reminder is late at `now` (0 on its own day).
 * @param {string} dueAt @param {Date} now
 */
export function daysLate(dueAt, now) {
  const [y, m, d] = dueAt.slice(0, 10).split('-').map(Number);
  const due = Date.UTC(y, m - 1, d);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.max(0, Math.round((today - due) / 86400000));
}

/**
 * The lead times typed in Paramètres (« 90, 60 ; 30 15 »): the numbers, or the first word that
 * is not one. Range and count are the backend's to check (its message names them).
 * @param {string} text
 * @returns {{ days: number[] } | { bad: string }}
 */
export function parseLeadDays(text) {
  // « 15j », « 7 jours »: the unit after a number is dropped.
  const words = text.replace(/(\d)\s*j(?:ours?)?(?![\p{L}])/giu, '$1').split(/[\s,;]+/).filter(Boolean);
  /** @type {number[]} */
  const days = [];
  for (const w of words) {
    if (!/^\d{1,4}$/.test(w)) return { bad: w };
    days.push(Number(w));
  }
  return { days };
}

/**
 * The close of a done or dismissed reminder: its event.
 * @param {Reminder} r
 */
export function closingEvent(r) {
  return r.events.find((e) => e.kind === 'done' || e.kind === 'dismissed') ?? null;
}

/**
 * Was it snoozed (its due time now is not its own)?
 * @param {Reminder} r
 */
export function isSnoozed(r) {
  return r.dueAt !== r.firstDueAt;
}
