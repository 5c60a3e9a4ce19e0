import { SESSION_LABELS } from '../../profile/profile.ts';
import {
	frenchDate,
	orNotGiven,
	phoneLabel,
	yesNoLabel,
	type RecapRow,
	type RecapSection
} from '../recap.ts';
import { addressLine } from './address.ts';
import { FICHE_ENFANT_DOCUMENTS, type FicheEnfant } from './fiche-enfant-schema.ts';
import { AUTORISATION_SHORT, SITUATION_LABELS, type AutorisationCode } from './fiche-enfant-lists.ts';
import { justificatifsRecap } from './justificatifs.ts';
import { newPersonLabel, SEXE_LABELS } from './new-person.ts';
import { SCHOOL_LEVEL_LABELS } from './schools.ts';
import { signatureRecap } from './signature.ts';

function responsableRows(r: FicheEnfant['responsable']): RecapRow[] {
	return [
		{ label: 'Responsable légal', value: r.responsable.label },
		{ label: 'Autre situation (tutelle, foyer d’accueil…)', value: yesNoLabel(r.autreSituation) },
		...(r.autreSituationPrecision ? [{ label: 'Précision', value: r.autreSituationPrecision }] : []),
		{ label: 'Situation familiale', value: SITUATION_LABELS[r.situationFamiliale] },
		{
			label: 'Adresse',
			value: r.nouvelleAdresse
				? `${addressLine(r.nouvelleAdresse)} (nouvelle adresse)`
				: (r.adresse?.label ?? '')
		}
	];
}

function conjointRows(c: FicheEnfant['conjoint']): RecapRow[] {
	if (c.ajouter === 'non') return [{ label: 'Conjoint', value: 'Aucun' }];
	return [
		{ label: 'Conjoint', value: `${c.civilite} ${newPersonLabel(c)}` },
		{ label: 'Nom de naissance', value: c.nomNaissance },
		{ label: 'Date de naissance', value: c.dateNaissance ? frenchDate(c.dateNaissance) : orNotGiven(null) },
		{ label: 'Téléphone portable', value: phoneLabel(c.telephonePortable) },
		{ label: 'Téléphone fixe', value: phoneLabel(c.telephoneFixe) },
		{ label: 'Courriel', value: orNotGiven(c.email) },
		{ label: 'Adresse', value: c.adresse ? addressLine(c.adresse) : 'Celle du responsable' }
	];
}

function enfantRows(e: FicheEnfant['enfant']): RecapRow[] {
	const n = e.nouvelEnfant;
	const child: RecapRow[] = n
		? [
				{ label: 'Enfant', value: `${newPersonLabel(n)} (nouvel enfant)` },
				{ label: 'Sexe', value: SEXE_LABELS[n.sexe] },
				{ label: 'Prénoms', value: [n.prenom, n.prenom2, n.prenom3].filter(Boolean).join(', ') },
				{ label: 'Date de naissance', value: frenchDate(n.dateNaissance) },
				{
					label: 'Lieu de naissance',
					value: `${n.communeNaissance}${n.departementNaissance ? ` (${n.departementNaissance})` : ''}, ${n.paysNaissance}`
				}
			]
		: [{ label: 'Enfant', value: e.enfant?.label ?? '' }];
	return [
		...child,
		{ label: 'Inscription aux sessions', value: e.sessions.map((s) => SESSION_LABELS[s] ?? s).join(', ') },
		{ label: 'Mon enfant a besoin d’un PAI', value: yesNoLabel(e.pai) },
		{ label: 'Établissement', value: orNotGiven(e.etablissement) },
		{ label: 'Niveau', value: e.niveau ? SCHOOL_LEVEL_LABELS[e.niveau] : orNotGiven(null) }
	];
}

function autresRows(list: FicheEnfant['autres-personnes']['personnes']): RecapRow[] {
	if (list.length === 0) return [{ label: 'Autres personnes', value: 'Aucune' }];
	return list.map((p) => {
		const roles = [
			p.contactUrgence ? 'à contacter en cas d’urgence' : null,
			p.autoriseeChercher ? 'autorisée à venir chercher l’enfant' : null
		].filter(Boolean);
		return {
			label: `${p.nom.toUpperCase()} ${p.prenom} (${p.lien})`,
			value: `${phoneLabel(p.telephone)} — ${roles.join(', ')}`
		};
	});
}

export function ficheEnfantRecap(f: FicheEnfant): RecapSection[] {
	return [
		{ stepId: 'responsable', title: 'Responsable du dossier', rows: responsableRows(f.responsable) },
		{ stepId: 'conjoint', title: 'Conjoint', rows: conjointRows(f.conjoint) },
		{ stepId: 'enfant', title: 'Enfant', rows: enfantRows(f.enfant) },
		{
			stepId: 'autorisations',
			title: 'Autorisation globale',
			rows: (Object.keys(AUTORISATION_SHORT) as AutorisationCode[]).map((code) => ({
				label: AUTORISATION_SHORT[code],
				value: yesNoLabel(f.autorisations[code])
			}))
		},
		{
			stepId: 'autres-personnes',
			title: 'Autres personnes à contacter et/ou autorisées à venir chercher l’enfant',
			rows: autresRows(f['autres-personnes'].personnes)
		},
		justificatifsRecap(f.justificatifs, FICHE_ENFANT_DOCUMENTS),
		signatureRecap(f.signature)
	];
}
