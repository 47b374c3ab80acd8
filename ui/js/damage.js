// @ts-check
/**
 * What the window says about the agency file's verification, from what opening it returned:
 * nothing (sound), « vérification en cours » (a large file's pages are verified on a thread of
 * their own; writes wait for the outcome), or the damage (read-only, how to restore). Pure: the
 * shell renders it.
 */
import { t } from './i18n/index.js';

/**
 * @typedef {{ kind: 'none' }
 *   | { kind: 'verifying', text: string }
 *   | { kind: 'damaged', title: string, detail: string, restore: string }} DamageNotice
 */

/**
 * @param {{ damage?: string | null, verifying?: boolean }} opened
 * @returns {DamageNotice}
 */
export function damageNotice(opened) {
  if (opened.damage) {
    return {
      kind: 'damaged',
      title: t('damage.title'),
      detail: t('damage.detail', { detail: opened.damage }),
      restore: t('damage.restore'),
    };
  }
  if (opened.verifying) return { kind: 'verifying', text: t('damage.verifying') };
  return { kind: 'none' };
}
