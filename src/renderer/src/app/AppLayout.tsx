import { AppShell, Avatar, Burger, Button, Group, Kbd, Menu, NavLink, Text, UnstyledButton } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import {
  IconBooks,
  IconCalendarEvent,
  IconChartRadar,
  IconChecklist,
  IconChevronDown,
  IconFolders,
  IconHistory,
  IconHome,
  IconListCheck,
  IconLogout,
  IconMessages,
  IconReport,
  IconSchool,
  IconSearch,
  IconSettings,
  IconTimeline,
  IconUsers,
  IconWorldUpload,
} from '@tabler/icons-react'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink as RouterLink, useLocation, useNavigate } from 'react-router'
import { useApiMutation, useApiQuery } from '../api/hooks'
import { SearchDialog, useSearchHotkey } from '../features/search/SearchDialog'
import classes from './AppLayout.module.css'

/** Only sections that work are listed here. */
const SECTIONS = [
  { to: '/', labelKey: 'nav.home', icon: IconHome },
  { to: '/projets', labelKey: 'nav.projects', icon: IconFolders },
  { to: '/mes-taches', labelKey: 'nav.myTasks', icon: IconChecklist },
  { to: '/planning', labelKey: 'nav.planning', icon: IconTimeline },
  { to: '/diagnostic', labelKey: 'nav.diagnostic', icon: IconChartRadar },
  { to: '/referentiel', labelKey: 'nav.referentiel', icon: IconBooks },
  { to: '/calendrier', labelKey: 'nav.calendar', icon: IconCalendarEvent },
  { to: '/equipe', labelKey: 'nav.team', icon: IconUsers },
  { to: '/formation', labelKey: 'nav.training', icon: IconSchool },
  { to: '/citoyens', labelKey: 'nav.citizens', icon: IconMessages },
  { to: '/consultations', labelKey: 'nav.polls', icon: IconListCheck },
  { to: '/publications', labelKey: 'nav.publications', icon: IconWorldUpload },
  { to: '/journal', labelKey: 'nav.audit', icon: IconHistory },
  { to: '/rapports', labelKey: 'nav.reports', icon: IconReport },
  { to: '/parametres', labelKey: 'nav.settings', icon: IconSettings },
] as const

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('')
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const [opened, { toggle, close }] = useDisclosure()
  const location = useLocation()
  const navigate = useNavigate()
  const commune = useApiQuery('commune.get', {})
  const session = useApiQuery('session.get', {})
  const signOut = useApiMutation('session.close')
  const profile = session.data?.profile
  const [searching, setSearching] = useState(false)
  useSearchHotkey(() => setSearching(true))
  // A new page opens at its top, not where the previous one was scrolled to.
  useEffect(() => {
    window.scrollTo(0, 0)
  }, [location.pathname])

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Text fw={700} size="lg" c="marianne.8">
              Cap Commune
            </Text>
            {commune.data && (
              <Text c="dimmed" visibleFrom="xs" truncate>
                · {commune.data.name}
              </Text>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconSearch size={14} />}
              onClick={() => setSearching(true)}
              aria-label={t('search.open')}
            >
              <Text size="xs" visibleFrom="sm">
                {t('search.button')}
              </Text>
              <Kbd size="xs" ml={6} visibleFrom="sm">
                Ctrl+K
              </Kbd>
            </Button>
            {profile && (
              <Menu position="bottom-end" withArrow>
                <Menu.Target>
                  <UnstyledButton aria-label={t('session.menu')} className={classes.profileButton}>
                    <Group gap="xs" wrap="nowrap">
                      <Avatar size="sm" color="marianne" radius="xl">
                        {initials(profile.displayName)}
                      </Avatar>
                      <Text size="sm" fw={500}>
                        {profile.displayName}
                      </Text>
                      <IconChevronDown size={14} />
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{profile.isAdmin ? t('profiles.admin') : t('profiles.user')}</Menu.Label>
                  <Menu.Item component={RouterLink} to="/parametres/mon-profil" leftSection={<IconSettings size={16} />}>
                    {t('session.myProfile')}
                  </Menu.Item>
                  <Menu.Item
                    leftSection={<IconLogout size={16} />}
                    onClick={() => {
                      // The next profile starts on the home page, not on a page it may not be allowed to see. Before
                      // signing out: once signed out, the profile chooser replaces this layout.
                      void navigate('/', { replace: true })
                      signOut.mutate({})
                    }}
                  >
                    {t('session.switch')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
        <SearchDialog opened={searching} onClose={() => setSearching(false)} />
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        {SECTIONS.map(({ to, labelKey, icon: Icon }) => (
          <NavLink
            key={to}
            component={RouterLink}
            to={to}
            label={t(labelKey)}
            leftSection={<Icon size={18} />}
            active={to === '/' ? location.pathname === '/' : location.pathname.startsWith(to)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>{children}</AppShell.Main>
    </AppShell>
  )
}
