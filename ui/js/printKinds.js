// @ts-check
/**
 * The papers the contract page prints, in the order of their buttons: each a kind the backend's
 * `print_pdf` knows (`app/src/prints.rs`, `PRINT_KINDS`), its label and its accessible name.
 * Pure, tested.
 */

/** @type {{ kind: import('./api/printTypes.js').PrintKind, label: string, aria: string, testid: string }[]} */
export const PRINT_KINDS = [
  { kind: 'attestation', label: 'print.attestation', aria: 'print.attestation.aria', testid: 'print-attestation' },
  { kind: 'avis', label: 'print.avis', aria: 'print.avis.aria', testid: 'print-avis' },
  { kind: 'releve', label: 'print.releve', aria: 'print.releve.aria', testid: 'print-releve' },
];

/** How an avis was sent, as the backend codes it (`renewals.rs`, CHANNELS). */
export const AVIS_CHANNELS = [
  ['courrier', 'avis.channel.courrier'],
  ['email', 'avis.channel.email'],
  ['remise', 'avis.channel.remise'],
];

/**
 * Which papers a contract can be given: all of them while it has a next échéance; a terminated
 * contract (no next premium) has no avis d'échéance.
 * @param {{ nextPremium: unknown | null }} contract
 */
export function printableKinds(contract) {
  return PRINT_KINDS.filter((p) => p.kind !== 'avis' || contract.nextPremium !== null);
}

/**
 * The avis sent, most recent échéance first, then most recent sending.
 * @template {{ echeance: string, sentOn: string, id: number }} A
 * @param {A[]} list
 * @returns {A[]}
 */
export function avisOrder(list) {
  return [...list].sort((a, b) => b.echeance.localeCompare(a.echeance) || b.sentOn.localeCompare(a.sentOn) || b.id - a.id);
}
