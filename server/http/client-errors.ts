import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { errorBody } from './errors.ts';

type Answer = { status: number; reason: string; code: string; message: string };

/**
 * Requests Node refuses before the app sees them: headers (the address with its query string
 * included) over Node's 16 KiB, headers that never end, anything its parser cannot read. Node's own
 * answer is a bare status line; these are the API's JSON error, in French.
 */
const ANSWERS: Record<string, Answer> = {
	HPE_HEADER_OVERFLOW: {
		status: 431,
		reason: 'Request Header Fields Too Large',
		code: 'request_too_large',
		message: 'Requête trop longue : son adresse et ses en-têtes dépassent 16 Kio.'
	},
	HPE_CHUNK_EXTENSIONS_OVERFLOW: {
		status: 413,
		reason: 'Payload Too Large',
		code: 'payload_too_large',
		message: 'Envoi trop volumineux.'
	},
	ERR_HTTP_REQUEST_TIMEOUT: {
		status: 408,
		reason: 'Request Timeout',
		code: 'request_timeout',
		message: 'La requête a mis trop de temps à arriver : veuillez réessayer.'
	}
};
const UNREADABLE: Answer = {
	status: 400,
	reason: 'Bad Request',
	code: 'bad_request',
	message: 'Requête illisible.'
};

/** The whole answer, bytes for the socket: the API's security headers, and the connection closed. */
export function clientErrorResponse(code: string | undefined): string {
	const answer = (code && ANSWERS[code]) || UNREADABLE;
	const body = JSON.stringify(errorBody(answer.code, answer.message));
	return [
		`HTTP/1.1 ${answer.status} ${answer.reason}`,
		'Content-Type: application/json',
		`Content-Length: ${Buffer.byteLength(body)}`,
		"Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
		'X-Content-Type-Options: nosniff',
		'Cache-Control: no-store',
		'Connection: close',
		'',
		body
	].join('\r\n');
}

/** Node's own link from a socket to the answer it is writing, if any (lib/_http_server.js). */
type HttpSocket = Socket & { _httpMessage?: { headersSent: boolean } | null };

/**
 * Answers when Node would (no answer of this connection has begun: a kept-alive one may have
 * sent earlier answers in full), then closes the socket: written, then destroyed, since an HTTP
 * server's sockets stay half-open after end().
 */
export function answerClientErrors(server: Server): void {
	server.on('clientError', (err: NodeJS.ErrnoException, socket: HttpSocket) => {
		if (err.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
			socket.destroy();
			return;
		}
		socket.end(clientErrorResponse(err.code), () => socket.destroy());
	});
}
