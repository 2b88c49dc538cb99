/**
 * Formation des élus. Every write is one transaction with its audit rows. An élu manages their own trainings, wishes
 * and declared rights (the member linked to their profile); the administrator manages everyone's, the budget, the
 * settings and the commune's list of organismes.
 */
import { eq } from 'drizzle-orm'
import { AppError } from '../../../shared/errors'
import { formatDate } from '../../../shared/format'
import { isElectedRole } from '../../../shared/roles'
import type { ParsedInput } from '../../../shared/contract'
import { AuditTrail } from '../audit'
import type { Db } from '../db/open'
import { members, profiles, trainingBudgets, trainingProviders, trainingRights, trainings } from '../db/schema'
import { CSV_MIME, tableToCsv, tableToXlsx, XLSX_MIME } from '../exports/table'
import { openStoredFile } from '../file-store/open'
import { decodeUpload, displayFileName, mimeTypeOf, sha256, storedFileContent, storeFile } from '../file-store/store'
import { deleteUnusedFiles } from '../file-store/usage'
import type { HandlersOf, SignedInContext } from '../handler'
import { todayOf } from '../today'
import { trainingContent } from '../training/content'
import {
  getTrainingRow,
  listProviders,
  mandateSpan,
  memberTrainings,
  readTrainingSettings,
  trainingBudget,
  trainingObligations,
  writeTrainingSettings,
  yearTable,
  toTraining,
} from '../training/queries'
import { leaveDays, withinMandate } from '../training/rules'
import { YEAR_TABLE_COLUMNS } from '../training/year-table'

type TrainingFields = Omit<ParsedInput<'training.create'>, 'memberId'>

function invalid(path: string, message: string): AppError {
  return new AppError('INVALID_INPUT', message, [{ path, message }])
}

/** The member linked to the signed-in profile (null for a profile without one). */
function ownMemberId(db: Db, context: SignedInContext): number | null {
  return db.select({ memberId: profiles.memberId }).from(profiles).where(eq(profiles.id, context.actor.profileId)).get()?.memberId ?? null
}

/** An élu acts on their own trainings and rights; the administrator on anyone's. */
function assertMayManage(db: Db, context: SignedInContext, memberId: number): void {
  if (context.actor.isAdmin) return
  if (ownMemberId(db, context) !== memberId) {
    throw new AppError(
      'FORBIDDEN',
      "Vous ne pouvez gérer que vos propres formations. Pour celles d'un autre élu, demandez à l'administrateur de Cap Commune.",
    )
  }
}

function getElu(db: Db, memberId: number) {
  const member = db.select().from(members).where(eq(members.id, memberId)).get()
  if (!member) throw new AppError('NOT_FOUND', "Cette personne ne fait plus partie de l'équipe : la liste a peut-être été modifiée entre-temps.")
  if (!isElectedRole(member.role))
    throw invalid('memberId', 'La formation des élus concerne le maire, les adjoints et les conseillers municipaux, pas les agents.')
  return member
}

/** What the contract cannot check alone: the organisme, the domain, the mandate's dates, the training leave. */
function checkTraining(db: Db, context: SignedInContext, memberId: number, fields: TrainingFields, exceptId: number | null): void {
  if (
    fields.providerId !== null &&
    !db.select({ id: trainingProviders.id }).from(trainingProviders).where(eq(trainingProviders.id, fields.providerId)).get()
  ) {
    throw invalid('providerId', 'Cet organisme ne figure plus dans la liste de la commune : choisissez-en un autre ou ajoutez-le.')
  }
  const loaded = context.referentiel()
  if (fields.domainId !== null && !loaded.referentiel.domains.some((d) => d.id === fields.domainId)) {
    throw invalid('domainId', "Ce domaine n'existe pas dans le référentiel de Cap Commune.")
  }
  if (fields.sourceThemeId !== null && !loaded.themes.has(fields.sourceThemeId))
    throw invalid('sourceThemeId', "Ce thème n'existe pas dans le référentiel.")
  if (fields.sourceCriterionId !== null && !loaded.criteria.has(fields.sourceCriterionId)) {
    throw invalid('sourceCriterionId', "Ce critère n'existe pas dans le référentiel.")
  }
  const mandate = mandateSpan(db)
  for (const [path, value] of [
    ['startOn', fields.startOn],
    ['endOn', fields.endOn],
  ] as const) {
    if (value !== null && !withinMandate(value, mandate)) {
      const from = mandate.installedOn ? `l'installation du conseil (${formatDate(mandate.installedOn)})` : `le 1er janvier ${mandate.startYear}`
      throw invalid(path, `Cette date est en dehors du mandat : une formation des élus a lieu entre ${from} et le 31 décembre ${mandate.endYear}.`)
    }
  }
  if (fields.leaveDays > 0) {
    const rights = db.select().from(trainingRights).where(eq(trainingRights.memberId, memberId)).get()
    if (!rights?.isEmployee) {
      throw invalid('leaveDays', "Le congé de formation concerne les élus salariés : indiquez d'abord, dans ses droits, que cet élu est salarié.")
    }
    const limit = trainingContent().rules.trainingLeaveDays
    const others = db
      .select()
      .from(trainings)
      .where(eq(trainings.memberId, memberId))
      .all()
      .filter((t) => t.id !== exceptId)
    const booked = leaveDays([...others, { status: fields.status, startOn: fields.startOn, leaveDays: fields.leaveDays }], mandate)
    if (booked.used + booked.planned > limit) {
      const already = booked.used + booked.planned - fields.leaveDays
      throw invalid(
        'leaveDays',
        `Le congé de formation est de ${limit} jours pour toute la durée du mandat : ${String(already).replace('.', ',')} jour(s) sont déjà pris ou prévus pour cet élu.`,
      )
    }
  }
}

function providersById(db: Db) {
  return new Map(listProviders(db).map((p) => [p.id, p]))
}

function overviewYear(context: SignedInContext, year: number | null): number {
  return year ?? Number(todayOf(context).slice(0, 4))
}

export const trainingHandlers: HandlersOf<'training'> = {
  'training.overview': ({ year }, context) => {
    const people = memberTrainings(context)
    const mandate = mandateSpan(context.db)
    return {
      content: trainingContent(),
      today: todayOf(context),
      mandate,
      settings: readTrainingSettings(context.db),
      obligations: trainingObligations(context.db, people),
      budget: trainingBudget(context.db, overviewYear(context, year)),
      members: people,
      providers: listProviders(context.db),
    }
  },

  /** The élu's own view (« Mes tâches »): their rights, wishes and trainings. */
  'training.forMember': ({ memberId }, context) => {
    const id = memberId ?? ownMemberId(context.db, context)
    return {
      content: trainingContent(),
      member: id === null ? null : (memberTrainings(context, id)[0] ?? null),
      providers: listProviders(context.db),
    }
  },

  'training.create': ({ memberId, ...fields }, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      getElu(tx, memberId)
      assertMayManage(tx, context, memberId)
      checkTraining(tx, context, memberId, fields, null)
      const row = tx
        .insert(trainings)
        .values({ memberId, ...fields, createdAt: at, updatedAt: at })
        .returning()
        .get()
      new AuditTrail(tx, context.actor, at).created('training', row.id, row)
      return toTraining(row, providersById(tx))
    })
  },

  'training.update': ({ id, ...fields }, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const before = getTrainingRow(tx, id)
      assertMayManage(tx, context, before.memberId)
      checkTraining(tx, context, before.memberId, fields, id)
      const row = tx
        .update(trainings)
        .set({ ...fields, updatedAt: at })
        .where(eq(trainings.id, id))
        .returning()
        .get()
      new AuditTrail(tx, context.actor, at).updated('training', id, before, fields)
      return toTraining(row, providersById(tx))
    })
  },

  'training.remove': ({ id }, context) => {
    const at = context.now().toISOString()
    const hash = context.db.transaction((tx) => {
      const row = getTrainingRow(tx, id)
      assertMayManage(tx, context, row.memberId)
      tx.delete(trainings).where(eq(trainings.id, id)).run()
      new AuditTrail(tx, context.actor, at).deleted('training', id, row)
      return row.attestationSha256
    })
    if (hash) deleteUnusedFiles(context.db, context.dataDir, [hash])
    return { ok: true as const }
  },

  /** Stores the attestation in the shared file store (`pieces-jointes/`), replacing the previous one. */
  'training.addAttestation': ({ id, fileName, contentBase64 }, context) => {
    const bytes = decodeUpload(contentBase64)
    const first = getTrainingRow(context.db, id)
    assertMayManage(context.db, context, first.memberId)
    const hash = sha256(bytes)
    storeFile(context.dataDir, hash, bytes)
    const at = context.now().toISOString()
    const name = displayFileName(fileName)
    let previous: string | null = null
    try {
      const training = context.db.transaction((tx) => {
        const before = getTrainingRow(tx, id)
        previous = before.attestationSha256
        const values = { attestationFileName: name, attestationMimeType: mimeTypeOf(name), attestationSize: bytes.length, attestationSha256: hash }
        const row = tx
          .update(trainings)
          .set({ ...values, updatedAt: at })
          .where(eq(trainings.id, id))
          .returning()
          .get()
        new AuditTrail(tx, context.actor, at).updated('training', id, { attestation: before.attestationFileName }, { attestation: name })
        return toTraining(row, providersById(tx))
      })
      if (previous && previous !== hash) deleteUnusedFiles(context.db, context.dataDir, [previous])
      return training
    } catch (error) {
      deleteUnusedFiles(context.db, context.dataDir, [hash])
      throw error
    }
  },

  'training.getAttestation': ({ id }, { db, dataDir }) => {
    const row = getTrainingRow(db, id)
    if (row.attestationSha256 === null) throw new AppError('NOT_FOUND', "Aucune attestation n'est jointe à cette formation.")
    return storedFileContent(dataDir, { fileName: row.attestationFileName!, mimeType: row.attestationMimeType!, sha256: row.attestationSha256 })
  },

  'training.openAttestation': ({ id }, context) => {
    const row = getTrainingRow(context.db, id)
    if (row.attestationSha256 === null) throw new AppError('NOT_FOUND', "Aucune attestation n'est jointe à cette formation.")
    return openStoredFile(context, { fileName: row.attestationFileName!, sha256: row.attestationSha256 })
  },

  'training.removeAttestation': ({ id }, context) => {
    const at = context.now().toISOString()
    const hash = context.db.transaction((tx) => {
      const before = getTrainingRow(tx, id)
      assertMayManage(tx, context, before.memberId)
      if (before.attestationSha256 === null) return null
      tx.update(trainings)
        .set({ attestationFileName: null, attestationMimeType: null, attestationSize: null, attestationSha256: null, updatedAt: at })
        .where(eq(trainings.id, id))
        .run()
      new AuditTrail(tx, context.actor, at).updated('training', id, { attestation: before.attestationFileName }, { attestation: null })
      return before.attestationSha256
    })
    if (hash) deleteUnusedFiles(context.db, context.dataDir, [hash])
    return { ok: true as const }
  },

  'training.setRights': ({ memberId, isEmployee, difBalanceCents, difBalanceOn }, context) => {
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      getElu(tx, memberId)
      assertMayManage(tx, context, memberId)
      const before = tx.select().from(trainingRights).where(eq(trainingRights.memberId, memberId)).get()
      if (!isEmployee) {
        const mandate = mandateSpan(tx)
        const days = leaveDays(tx.select().from(trainings).where(eq(trainings.memberId, memberId)).all(), mandate)
        if (days.used + days.planned > 0) {
          throw invalid(
            'isEmployee',
            "Des jours de congé de formation sont notés sur les formations de cet élu : retirez-les avant d'indiquer qu'il n'est pas salarié.",
          )
        }
      }
      const values = { isEmployee, difBalanceCents, difBalanceOn, updatedAt: at }
      const audit = new AuditTrail(tx, context.actor, at)
      if (before) {
        tx.update(trainingRights).set(values).where(eq(trainingRights.memberId, memberId)).run()
        audit.updated('trainingRights', memberId, before, values)
      } else {
        tx.insert(trainingRights)
          .values({ memberId, ...values })
          .run()
        audit.created('trainingRights', memberId, { memberId, ...values })
      }
    })
    return { ok: true as const }
  },

  'training.updateSettings': (input, context) => {
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      const before = readTrainingSettings(tx)
      if (input.deliberationOn !== null) {
        const mandate = mandateSpan(tx)
        if (!withinMandate(input.deliberationOn, mandate)) {
          throw invalid(
            'deliberationOn',
            `Cette date est en dehors du mandat ${mandate.startYear}–${mandate.endYear} : indiquez la date de la délibération prise après l'installation du conseil.`,
          )
        }
        if (input.deliberationOn > todayOf(context)) throw invalid('deliberationOn', 'La délibération ne peut pas être datée dans le futur.')
      }
      writeTrainingSettings(tx, input)
      new AuditTrail(tx, context.actor, at).updated('trainingSettings', 1, { ...before }, { ...input })
    })
    return readTrainingSettings(context.db)
  },

  'training.setBudget': ({ year, votedCents, openingCarryCents }, context) => {
    const mandate = mandateSpan(context.db)
    if (year < mandate.startYear - 1 || year > mandate.endYear) {
      throw invalid('year', `Choisissez une année du mandat (${mandate.startYear} à ${mandate.endYear}).`)
    }
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      const before = tx.select().from(trainingBudgets).where(eq(trainingBudgets.year, year)).get()
      const values = { votedCents, openingCarryCents, updatedAt: at }
      const audit = new AuditTrail(tx, context.actor, at)
      if (before) {
        tx.update(trainingBudgets).set(values).where(eq(trainingBudgets.year, year)).run()
        audit.updated('trainingBudget', year, before, values)
      } else {
        tx.insert(trainingBudgets)
          .values({ year, ...values })
          .run()
        audit.created('trainingBudget', year, { year, ...values })
      }
    })
    return trainingBudget(context.db, year)
  },

  'training.yearTable': ({ year }, { db }) => yearTable(db, year),

  'training.exportYearTable': async ({ year, format }, context) => {
    const table = yearTable(context.db, year)
    const rows = [
      ...table.rows,
      {
        ...table.totals,
        trainingId: 0,
        memberName: 'Total',
        roleLabel: '',
        title: '',
        providerName: '',
        approvalNumber: '',
        startOn: '',
        endOn: null,
        durationHours: null,
      },
    ]
    const stem = `formations-des-elus-${year}`
    if (format === 'csv') {
      return {
        fileName: `${stem}.csv`,
        mimeType: CSV_MIME,
        contentBase64: Buffer.from(tableToCsv(YEAR_TABLE_COLUMNS, rows), 'utf8').toString('base64'),
      }
    }
    const bytes = await tableToXlsx(`Formations ${year}`, YEAR_TABLE_COLUMNS, rows, context.now())
    return { fileName: `${stem}.xlsx`, mimeType: XLSX_MIME, contentBase64: bytes.toString('base64') }
  },

  'training.createProvider': (input, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const row = tx
        .insert(trainingProviders)
        .values({ ...input, createdAt: at, updatedAt: at })
        .returning()
        .get()
      new AuditTrail(tx, context.actor, at).created('trainingProvider', row.id, row)
      return listProviders(tx).find((p) => p.id === row.id)!
    })
  },

  'training.updateProvider': ({ id, ...fields }, context) => {
    const at = context.now().toISOString()
    return context.db.transaction((tx) => {
      const before = tx.select().from(trainingProviders).where(eq(trainingProviders.id, id)).get()
      if (!before) throw new AppError('NOT_FOUND', "Cet organisme n'existe plus : la liste a peut-être été modifiée entre-temps.")
      tx.update(trainingProviders)
        .set({ ...fields, updatedAt: at })
        .where(eq(trainingProviders.id, id))
        .run()
      new AuditTrail(tx, context.actor, at).updated('trainingProvider', id, before, fields)
      return listProviders(tx).find((p) => p.id === id)!
    })
  },

  /** The trainings that named it keep their other details; the organisme is unlinked from them. */
  'training.removeProvider': ({ id }, context) => {
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      const before = tx.select().from(trainingProviders).where(eq(trainingProviders.id, id)).get()
      if (!before) throw new AppError('NOT_FOUND', "Cet organisme n'existe plus : la liste a peut-être été modifiée entre-temps.")
      tx.delete(trainingProviders).where(eq(trainingProviders.id, id)).run()
      new AuditTrail(tx, context.actor, at).deleted('trainingProvider', id, before)
    })
    return { ok: true as const }
  },
}
