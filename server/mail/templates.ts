import type { MailMessage } from './mailer.ts';

export type MailContent = {
	subject: string;
	greeting: string;
	paragraphs: string[];
	action?: { label: string; url: string };
	/** Said after the button, e.g. how long the link works. */
	footnote?: string;
};

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Every e-mail of the portal, in French, as plain text and simple HTML (readable in any client, no
 * remote image), signed with the town's name.
 */
export function renderMail(to: string, townName: string, content: MailContent): MailMessage {
	const signature = `${townName} — Portail citoyen`;
	const text = [
		content.greeting,
		'',
		...content.paragraphs.flatMap((p) => [p, '']),
		...(content.action ? [`${content.action.label} : ${content.action.url}`, ''] : []),
		...(content.footnote ? [content.footnote, ''] : []),
		'Ce message vous est envoyé automatiquement, merci de ne pas y répondre.',
		signature
	].join('\n');
	const button = content.action
		? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:10px 16px;background:#0d5c63;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:bold">${escapeHtml(content.action.label)}</a></p>
<p style="font-size:13px;color:#4d5b5e">Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :<br>${escapeHtml(content.action.url)}</p>`
		: '';
	const html = `<!doctype html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#1d2426;line-height:1.5">
<p>${escapeHtml(content.greeting)}</p>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${button}
${content.footnote ? `<p>${escapeHtml(content.footnote)}</p>` : ''}
<p style="font-size:13px;color:#4d5b5e">Ce message vous est envoyé automatiquement, merci de ne pas y répondre.<br>${escapeHtml(signature)}</p>
</body></html>`;
	return { to, subject: `${content.subject} — ${townName}`, text, html };
}
