/**
 * Renders a component as the app does (without Mantine's transitions and portals: `env="test"`) — Mantine with the app's theme, French dates, modals, notifications, a fresh
 * query client, a data router (as the app's, so leaving a page can be blocked) and i18n — over a fake main process: `calls` records every contract call, and `answer`
 * says what each method returns (or throws, as an ApiError with a French message); `emit` sends an event as the main process does (a
 * `data.changed` refreshes what reads its domains, as in the app).
 */
import { MantineProvider } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import { ModalsProvider } from '@mantine/modals'
import { Notifications } from '@mantine/notifications'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, type RenderResult } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import 'dayjs/locale/fr'
import type { ReactElement } from 'react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import type { CapCommuneBridge } from '@shared/bridge'
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '@shared/contract'
import type { AppErrorShape, Result } from '@shared/errors'
import { useDataChangedRefresh } from '../api/hooks'
import { i18n } from '../i18n'
import { theme } from '../theme'

export type Answers = { [M in MethodName]?: (input: MethodInput<M>) => MethodOutput<M> | AppErrorShape | Promise<MethodOutput<M> | AppErrorShape> }

export interface Call {
  method: MethodName
  input: unknown
}

/** A failure the fake main process returns, as the dispatcher would. */
export function failure(message: string, issues: AppErrorShape['issues'] = []): AppErrorShape & { failure: true } {
  return { code: 'INVALID_INPUT', message, issues, failure: true } as AppErrorShape & { failure: true }
}

let current: { answers: Answers; calls: Call[] } = { answers: {}, calls: [] }
const listeners = new Set<{ event: EventName; callback: (payload: never) => void }>()

// The renderer's transport takes the preload bridge when there is one: the fake one answers from `current`.
const bridge: CapCommuneBridge = {
  async invoke(method, input) {
    current.calls.push({ method, input })
    const answer = current.answers[method] as ((input: unknown) => unknown) | undefined
    if (!answer) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Pas de réponse prévue pour ${method} dans ce test.` } }
    const value = await answer(input)
    if (value && typeof value === 'object' && 'failure' in value) {
      const { failure: _failure, ...error } = value as AppErrorShape & { failure: true }
      return { ok: false, error } satisfies Result<never>
    }
    return { ok: true, value }
  },
  on(event, callback) {
    const listener = { event, callback }
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}
window.capCommune = bridge

export interface Rendered extends RenderResult {
  user: UserEvent
  calls: Call[]
  /** The inputs of every call of `method`, in order. */
  inputsOf<M extends MethodName>(method: M): MethodInput<M>[]
  /** Sends an event to the screen as the main process would (the outbox sender's `data.changed`, a progress). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
}

/** What the app's shell does (App.tsx): a change made elsewhere refreshes the queries that read it. */
function DataChangedRefresh() {
  useDataChangedRefresh()
  return null
}

export function renderWithApp(ui: ReactElement, { answers = {}, route = '/' }: { answers?: Answers; route?: string } = {}): Rendered {
  current = { answers, calls: [] }
  const calls = current.calls
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } })
  const result = render(
    <MantineProvider theme={theme} env="test">
      <DatesProvider settings={{ locale: 'fr', firstDayOfWeek: 1 }}>
        <ModalsProvider labels={{ confirm: i18n.t('common.confirm'), cancel: i18n.t('common.cancel') }}>
          <Notifications />
          <QueryClientProvider client={queryClient}>
            <DataChangedRefresh />
            <RouterProvider router={createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [route] })} />
          </QueryClientProvider>
        </ModalsProvider>
      </DatesProvider>
    </MantineProvider>,
  )
  return {
    ...result,
    user: userEvent.setup(),
    calls,
    inputsOf: <M extends MethodName>(method: M) => calls.filter((c) => c.method === method).map((c) => c.input as MethodInput<M>),
    emit: (event, payload) => {
      for (const listener of [...listeners]) if (listener.event === event) (listener.callback as (payload: unknown) => void)(payload)
    },
  }
}
