import { parisDate } from '../../src/lib/domain/agenda/paris-time.ts';
import { fieldErrors } from '../../src/lib/domain/forms/field-errors.ts';
import type { FormCode } from '../../src/lib/domain/requests/form-codes.ts';
import type { FormDefinition } from '../../src/lib/domain/requests/form-definition.ts';
import {
	MAX_DEMANDES_PER_DAY,
	MAX_DRAFTS,
	MAX_OPEN_DEMANDES,
	MAX_OPEN_HALL_DEMANDES,
	type DemandeDeletePayload,
	type DemandeSavePayload,
	type DemandeSubmitPayload
} from '../../src/lib/domain/requests/mutations.ts';
import { editableByFamily } from '../../src/lib/domain/requests/status.ts';
import { demandeSearchText } from '../backoffice/demandes/search-text.ts';
import type { Db } from '../db/database.ts';
import type { CurrentAccount } from '../http/app-env.ts';
import { reserveDayBudget, type DayBudget } from '../sync/day-budget.ts';
import { bumpResourceVersion } from '../sync/resource-version.ts';
import { linkNeeds } from './demande-needs.ts';
import * as repo from './demande-repository.ts';
import { acceptsSave, nextWriter } from './draft-revision.ts';
import { askHallDays, checkHallDays } from './hall-days.ts';
import { foreignRefs, missingDocuments } from './household-refs.ts';
import * as refusal from './request-refusals.ts';
import type { DemandeOutcome } from './request-refusals.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each form has its own answers' type
export type FormLookup = (code: FormCode) => FormDefinition<any> | undefined;

/** Who acts and when: the signed-in family member, by name for the history, at the server's time. */
export type RequestsContext = { account: CurrentAccount; author: string; now: Date; forms: FormLookup };

type Found = { row?: repo.DemandeRow; refused?: DemandeOutcome };

/**
 * The demande a save or a submission names, if it may be changed by this save: another
 * household's is answered as an unknown one, a sent one is no longer the family's to edit, and
 * a save based on a version another device replaced is refused with both versions.
 */
async function editable(trx: Db, ctx: RequestsContext, p: DemandeSavePayload): Promise<Found> {
	const row = await repo.findDemande(trx, p.demandeId);
	if (!row) return {};
	if (row.household_id !== ctx.account.householdId || row.form_code !== p.formCode)
		return { refused: refusal.notFound() };
	if (!editableByFamily(row.status)) return { refused: refusal.notEditable(row.status) };
	if (!acceptsSave(row, p))
		return {
			refused: refusal.draftConflict({ revision: row.revision, updatedAt: row.updated_at }, p.savedAt)
		};
	return { row };
}

const CREATIONS: DayBudget = { table: 'household_demande_budget', limit: MAX_DEMANDES_PER_DAY };

/** One of the household's demandes of the day reserved, or the refusal (nothing reserved). */
async function reserveCreation(trx: Db, ctx: RequestsContext): Promise<DemandeOutcome | null> {
	const over = await reserveDayBudget(trx, CREATIONS, ctx.account.householdId, parisDate(ctx.now), 1);
	return over && refusal.tooManyToday();
}

/**
 * A new draft: the town's next number, revision 1, and its first history line. `data` is what
 * is kept: a draft's answers as typed, a submission's as its schema read them.
 */
async function create(
	trx: Db,
	ctx: RequestsContext,
	p: DemandeSavePayload,
	data: unknown
): Promise<repo.DemandeRow> {
	const now = ctx.now.toISOString();
	const row = await repo.insertDemande(trx, {
		client_id: p.demandeId,
		number: await repo.takeNumber(trx),
		household_id: ctx.account.householdId,
		form_code: p.formCode,
		status: 'brouillon',
		person_id: null,
		person_label: null,
		data_json: JSON.stringify(data),
		step: p.step,
		revision: 1,
		writer_id: p.writerId,
		writer_base: p.baseRevision,
		created_at: now,
		created_by: ctx.account.id,
		updated_at: now,
		submitted_at: null,
		assigned_account_id: null
	});
	await repo.addHistory(trx, history(ctx, row.id, null, 'brouillon'));
	return row;
}

const history = (
	ctx: RequestsContext,
	demandeId: number,
	from: repo.DemandeRow['status'] | null,
	to: repo.DemandeRow['status']
) => ({ demandeId, at: ctx.now.toISOString(), accountId: ctx.account.id, author: ctx.author, from, to });

const answers = (ctx: RequestsContext, row: repo.DemandeRow, p: DemandeSavePayload, data: unknown) => ({
	data_json: JSON.stringify(data),
	step: p.step,
	revision: row.revision + 1,
	...nextWriter(row, p),
	updated_at: ctx.now.toISOString()
});

/** demande.save.v1: creates the draft at its first save, else saves its answers (revision rule). */
export async function saveDraft(
	trx: Db,
	ctx: RequestsContext,
	p: DemandeSavePayload
): Promise<DemandeOutcome> {
	const found = await editable(trx, ctx, p);
	if (found.refused) return found.refused;
	let row = found.row;
	if (!row) {
		if ((await repo.countDrafts(trx, ctx.account.householdId)) >= MAX_DRAFTS) return refusal.tooManyDrafts();
		const over = await reserveCreation(trx, ctx);
		if (over) return over;
		row = await create(trx, ctx, p, p.data);
	} else {
		row = await repo.updateDemande(trx, row.id, answers(ctx, row, p, p.data));
	}
	await bumpResourceVersion(trx, ctx.account.householdId, 'requests');
	return { ok: true, demande: { number: row.number, revision: row.revision, status: row.status } };
}

/**
 * What a household may not send, checked before anything is written: too many demandes waiting
 * for the town (salle des fêtes ones apart), a person or an address not of the household.
 */
async function refuseToSend(
	trx: Db,
	ctx: RequestsContext,
	except: number | null,
	answers: unknown,
	asksHall: boolean,
	documentIds: readonly string[]
): Promise<DemandeOutcome | null> {
	const householdId = ctx.account.householdId;
	if ((await repo.countOpen(trx, householdId, except)) >= MAX_OPEN_DEMANDES) return refusal.tooManyOpen();
	if (asksHall && (await repo.countOpenHallRequests(trx, householdId, except)) >= MAX_OPEN_HALL_DEMANDES)
		return refusal.tooManyOpenHall();
	const wrong = {
		...(await foreignRefs(trx, householdId, answers)),
		...(await missingDocuments(trx, householdId, answers, documentIds))
	};
	return Object.keys(wrong).length > 0 ? refusal.invalidAnswers(wrong) : null;
}

/**
 * demande.submit.v1: the answers checked by the form's whole schema, the household's bounds and
 * the hall's days checked before anything is written (a refusal changes nothing), then kept as
 * the schema read them (no key it does not know), sent, with the person concerned, the
 * justificatifs needed and the days asked for, in one transaction.
 */
export async function submitDemande(
	trx: Db,
	ctx: RequestsContext,
	p: DemandeSubmitPayload
): Promise<DemandeOutcome> {
	const found = await editable(trx, ctx, p);
	if (found.refused) return found.refused;
	const form = ctx.forms(p.formCode);
	if (!form) return refusal.unknownForm();
	// The form's rules of dates (a birth not in the future, the hall's days ahead) as of Paris's today.
	const parsed = form.submitSchema(parisDate(ctx.now)).safeParse(p.data);
	if (!parsed.success) return refusal.invalidAnswers(fieldErrors(parsed.error));
	const days = form.hallDays?.(parsed.data) ?? [];
	const needs = form.documents(parsed.data);
	const given = needs.flatMap((n) => (n.documentId ? [n.documentId] : []));
	const refused = await refuseToSend(trx, ctx, found.row?.id ?? null, parsed.data, days.length > 0, given);
	if (refused) return refused;
	const taken = await checkHallDays(trx, days, found.row?.id ?? null, ctx.now);
	// Shown beside the days too, so the form goes back to them.
	if (taken && !taken.ok && form.hallDaysField)
		return { ...taken, fields: { [form.hallDaysField]: 'Date indisponible : choisissez-en une autre.' } };
	if (taken) return taken;
	if (!found.row) {
		const over = await reserveCreation(trx, ctx);
		if (over) return over;
	}

	const householdId = ctx.account.householdId;
	const row = found.row ?? (await create(trx, ctx, p, parsed.data));
	// Of the household: refuseToSend checked every person the answers name.
	const person = form.personConcerned(parsed.data);
	const sent = await repo.updateDemande(trx, row.id, {
		...answers(ctx, row, p, parsed.data),
		status: 'envoyee',
		// The first sending's date; a complément sent again is a line of the history.
		submitted_at: row.submitted_at ?? ctx.now.toISOString(),
		person_id: person?.personId ?? null,
		person_label: person?.label ?? null,
		search_text: await demandeSearchText(trx, householdId, row.number, person?.label ?? null)
	});
	await linkNeeds(trx, householdId, row.id, needs, parisDate(ctx.now));
	await askHallDays(trx, row.id, days);
	await repo.addHistory(trx, history(ctx, row.id, row.status, 'envoyee'));
	await bumpResourceVersion(trx, householdId, 'requests');
	return { ok: true, demande: { number: sent.number, revision: sent.revision, status: sent.status } };
}

/** demande.delete.v1: a draft of this household only; its number is never given again. */
export async function deleteDraft(
	trx: Db,
	ctx: RequestsContext,
	p: DemandeDeletePayload
): Promise<DemandeOutcome> {
	const row = await repo.findDemande(trx, p.demandeId);
	if (!row || row.household_id !== ctx.account.householdId) return refusal.notFound();
	if (row.status !== 'brouillon') return refusal.notADraft(row.status);
	await repo.deleteDemande(trx, row.id);
	await bumpResourceVersion(trx, ctx.account.householdId, 'requests');
	return { ok: true };
}
