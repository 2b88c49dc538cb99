import { desc } from 'drizzle-orm'
import type { ProjectPublication } from '../../../shared/contract'
import { portalOutbox } from '../db/schema'
import type { HandlerContext, HandlersOf } from '../handler'
import { outboxItemView, outboxRowOf, sendDue } from '../portal/outbox'
import { fieldsOf, projectExternalId, publicationOf, publishProject, withdrawProject } from '../portal/publications'
import { portalStatus } from '../portal/connection'
import { getProjectRow } from '../projects/queries'
import { projectTrail } from '../projects/trail'

function projectPublication(context: HandlerContext, projectId: number): ProjectPublication {
  const publication = publicationOf(context.db, projectId)
  const item = outboxRowOf(context.db, 'project', projectExternalId(projectId))
  const status = portalStatus(context)
  return {
    projectId,
    published: publication !== null,
    fields: publication ? fieldsOf(publication) : [],
    publishedAt: publication?.publishedAt ?? null,
    publishedBy: publication?.publishedBy ?? null,
    item: item ? outboxItemView(item) : null,
    connected: status.connected,
    portalUrl: status.portalUrl,
  }
}

/** Tries to send at once what was just queued; the outcome shows in the item's state (never blocks the user). */
function sendSoon(context: HandlerContext): void {
  if (context.portalSender) context.portalSender.kick()
}

export const publicationsHandlers: HandlersOf<'publications'> = {
  'publications.list': (_input, context) => {
    const rows = context.db.select().from(portalOutbox).orderBy(desc(portalOutbox.updatedAt), desc(portalOutbox.id)).all()
    const counts = { en_attente: 0, publie: 0, erreur: 0 }
    for (const row of rows) counts[row.state]++
    return { items: rows.map(outboxItemView), counts, connected: portalStatus(context).connected }
  },

  'publications.project': ({ projectId }, context) => {
    getProjectRow(context.db, projectId)
    return projectPublication(context, projectId)
  },

  'publications.publishProject': ({ projectId, fields }, context) => {
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      const project = getProjectRow(tx, projectId)
      const before = publicationOf(tx, projectId)
      publishProject(tx, context.referentiel, projectId, fields, context.actor.displayName, at)
      const trail = projectTrail(context, tx, at, projectId)
      if (before) trail.updated('publication', projectId, { fields: fieldsOf(before) }, { fields })
      else trail.created('publication', projectId, { title: project.title, fields })
    })
    sendSoon(context)
    return projectPublication(context, projectId)
  },

  'publications.withdrawProject': ({ projectId }, context) => {
    const at = context.now().toISOString()
    context.db.transaction((tx) => {
      const project = getProjectRow(tx, projectId)
      const before = publicationOf(tx, projectId)
      if (withdrawProject(tx, projectId, project.title, at) && before)
        projectTrail(context, tx, at, projectId).deleted('publication', projectId, { title: project.title, fields: fieldsOf(before) })
    })
    sendSoon(context)
    return projectPublication(context, projectId)
  },

  'publications.sendNow': (_input, context) => (context.portalSender ? context.portalSender.run({ all: true }) : sendDue(context, { all: true })),
}
