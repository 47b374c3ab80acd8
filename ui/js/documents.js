// @ts-check
/**
 * Pure helpers of the attached documents: the types a broker picks from, and which dropped
 * paths look like documents (the backend decides by the content; this only orders the list).
 */

/** The document types, in the order the form lists them (codes of `DocumentKind`). */
export const DOCUMENT_KINDS = [
  'constat_amiable', 'rapport_expertise', 'photos', 'facture', 'releve_information', 'courrier',
  'piece_identite', 'permis', 'carte_grise', 'attestation', 'autre',
];

/**
 * The file name of an absolute path (either separator).
 * @param {string} path
 */
export function baseName(path) {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/**
 * The name proposed when exporting a copy: the file's own, or « document-ID.ext ».
 * @param {{ id: number, fileName: string, format: string }} d
 */
export function exportName(d) {
  if (d.fileName && /\.[A-Za-z0-9]{2,4}$/.test(d.fileName)) return d.fileName;
  const ext = { pdf: 'pdf', jpeg: 'jpg', png: 'png', tiff: 'tif' }[d.format] ?? 'bin';
  return `document-${d.id}.${ext}`;
}

/**
 * How a viewer shows a format: as is (`image`), page by page through the backend's PNG
 * conversion (`tiff`), or through pdf.js (`pdf`).
 * @param {string} format
 * @returns {'image' | 'tiff' | 'pdf'}
 */
export function viewerKind(format) {
  if (format === 'pdf') return 'pdf';
  if (format === 'tiff') return 'tiff';
  return 'image';
}

/** @typedef {'kind' | 'date' | 'note'} AttachField */

/**
 * One file of a drop in the attach dialog: its name, the type, date and note it gets, and which
 * of them the broker set on this file itself (`own`).
 * @typedef {{ name: string, kind: string, date: string, note: string, own: AttachField[] }} AttachRow
 */

/**
 * The rows of the attach dialog for the files of one drop: each « autre », dated `today`, no
 * note, until the broker says otherwise.
 * @param {string[]} names
 * @param {string} today ISO date
 * @returns {AttachRow[]}
 */
export function attachRows(names, today) {
  return names.map((name) => ({ name, kind: 'autre', date: today, note: '', own: [] }));
}

/**
 * A value given to one file. A value given to the first file is offered to every other file
 * whose own value for that field the broker has not set; a value given to another file is its
 * own (later changes of the first file leave it alone).
 * @param {AttachRow[]} rows
 * @param {number} index
 * @param {AttachField} name
 * @param {string} value
 * @returns {AttachRow[]}
 */
export function editAttachRow(rows, index, name, value) {
  return rows.map((r, i) => {
    if (i === index) {
      const own = i === 0 || r.own.includes(name) ? r.own : [...r.own, name];
      return { ...r, [name]: value, own };
    }
    if (index === 0 && !r.own.includes(name)) return { ...r, [name]: value };
    return r;
  });
}

/**
 * What is sent for each file: its type, its date (none when empty) and its note (trimmed, none
 * when empty), in the order of the files.
 * @param {AttachRow[]} rows
 * @returns {{ kind: string, date: string | null, note: string | null }[]}
 */
export function attachDrafts(rows) {
  return rows.map((r) => ({ kind: r.kind, date: r.date || null, note: r.note.trim() || null }));
}
