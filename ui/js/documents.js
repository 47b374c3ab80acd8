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
