import type { Context } from 'hono';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { attachmentDisposition, inlineDisposition } from '../../documents/content-disposition.ts';
import { sendStoredFile } from '../../documents/download.ts';
import type { UploadDirs } from '../../documents/upload-dirs.ts';

/** What a browser shows itself, with no script of its own: the uploads' types. */
const SHOWN_INLINE = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/**
 * A family's document for an agent, shown in the back office's viewer (an iframe of the same
 * origin): inline for a PDF or an image, an attachment otherwise. Sandboxed (no script, no form,
 * its own origin) and never sniffed, so a crafted file cannot act as the portal.
 */
export async function agentDocumentFile(c: Context, db: Db, dirs: UploadDirs, id: number): Promise<Response> {
	const file = await db
		.selectFrom('document')
		.innerJoin('household', 'household.id', 'document.household_id')
		.select(['document.stored_name', 'document.original_name', 'document.mime', 'document.size'])
		.where('document.id', '=', id)
		.where('household.kind', '=', 'famille')
		.executeTakeFirst();
	if (!file) throw new AppError(404, 'not_found', 'Justificatif introuvable.');
	const inline = SHOWN_INLINE.has(file.mime);
	return sendStoredFile(c, dirs, file, {
		...c.get('securityHeaders'),
		'Content-Disposition': inline
			? inlineDisposition(file.original_name)
			: attachmentDisposition(file.original_name),
		// Framed by the back office only; the PDF viewer and the image need their own resource.
		'X-Frame-Options': 'SAMEORIGIN',
		'Content-Security-Policy':
			"sandbox; default-src 'none'; img-src 'self'; object-src 'self'; frame-ancestors 'self'"
	});
}
