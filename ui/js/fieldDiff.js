// @ts-check
/**
 * "What changed" between a record and its correction form: the one comparison behind
 * `contractUpdateOf`, `vehicleUpdateOf`, `driverUpdateOf`, `claimUpdateOf` and `insurerUpdateOf`,
 * so that every correction sends only the fields that changed, compared the same way. Pure.
 */

/**
 * Puts `typed` in `update[key]` when it differs from the value now; null and undefined count as
 * empty, the value now is trimmed (an emptied optional field is thus sent as `""`, which clears
 * it). `same` compares differently when needed (a phone number, digits only).
 * @param {Record<string, unknown>} update
 * @param {string} key
 * @param {string} typed already normalised (trimmed, ISO date…)
 * @param {string | null | undefined} now
 * @param {(typed: string, now: string) => boolean} [same]
 * @returns {boolean} whether it changed
 */
export function putChanged(update, key, typed, now, same = (a, b) => a === b) {
  if (same(typed, (now ?? '').trim())) return false;
  update[key] = typed;
  return true;
}
