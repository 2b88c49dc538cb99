import { Box, Group, Stack, Text, Tooltip } from '@mantine/core'
import { Link } from 'react-router'
import { PROJECT_STATUS_LABELS } from '@shared/contract'
import type { z } from 'zod'
import type { planningSchema } from '@shared/contract'
import { formatDate } from '../../lib/format'
import classes from './Timeline.module.css'
import { i18n } from '../../i18n'

type Planning = z.infer<typeof planningSchema>

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000
}

/** Projects and their actions over the mandate, one row each (a Gantt chart without the clutter). */
export function Timeline({ planning, today }: { planning: Planning; today: string }) {
  const start = dayNumber(`${planning.mandate.startYear}-01-01`)
  const end = dayNumber(`${planning.mandate.endYear}-12-31`)
  const span = end - start
  const position = (iso: string) => Math.min(100, Math.max(0, ((dayNumber(iso) - start) / span) * 100))
  const years = Array.from({ length: planning.mandate.endYear - planning.mandate.startYear + 1 }, (_, i) => planning.mandate.startYear + i)
  const dated = planning.projects.filter((p) => p.startOn || p.endOn || p.actions.some((a) => a.dueOn))

  return (
    <Stack gap={0} className={classes.timeline} aria-label={i18n.t('planning.timeline')}>
      <Group gap={0} wrap="nowrap" className={classes.header}>
        <Box className={classes.label} />
        <Box className={classes.track}>
          {years.map((year) => (
            <Text key={year} size="xs" fw={600} className={classes.year} style={{ left: `${position(`${year}-01-01`)}%` }}>
              {year}
            </Text>
          ))}
        </Box>
      </Group>
      {dated.map((project) => {
        const from =
          project.startOn ??
          project.actions
            .map((a) => a.startOn ?? a.dueOn)
            .filter(Boolean)
            .sort()[0] ??
          project.endOn!
        const to =
          project.endOn ??
          project.actions
            .map((a) => a.dueOn)
            .filter(Boolean)
            .sort()
            .at(-1) ??
          from
        return (
          <Group key={project.id} gap={0} wrap="nowrap" className={classes.row} aria-label={project.title}>
            <Text component={Link} to={`/projets/${project.id}`} size="sm" className={classes.label} lineClamp={1}>
              {project.title}
            </Text>
            <Box className={classes.track}>
              {years.map((year) => (
                <Box key={year} className={classes.grid} style={{ left: `${position(`${year}-01-01`)}%` }} />
              ))}
              <Box className={classes.today} style={{ left: `${position(today)}%` }} />
              <Tooltip label={`${PROJECT_STATUS_LABELS[project.status]} · ${formatDate(from!)} → ${formatDate(to!)}`}>
                <Box
                  className={classes.bar}
                  data-status={project.status}
                  style={{ left: `${position(from!)}%`, width: `${Math.max(0.6, position(to!) - position(from!))}%` }}
                />
              </Tooltip>
              {project.actions
                .filter((a) => a.dueOn)
                .map((action) => (
                  <Tooltip key={action.id} label={`${action.title} · ${formatDate(action.dueOn!)}`}>
                    <Box
                      className={classes.milestone}
                      data-done={action.status === 'fait'}
                      style={{ left: `${position(action.dueOn!)}%` }}
                      aria-label={action.title}
                    />
                  </Tooltip>
                ))}
            </Box>
          </Group>
        )
      })}
    </Stack>
  )
}
