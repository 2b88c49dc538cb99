import { Stack, Tabs, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { CommuneProfileSettings } from './CommuneProfileSettings'
import { CommuneSettings } from './CommuneSettings'
import { DataSettings } from './DataSettings'
import { MyProfileSettings } from './MyProfileSettings'
import { ProfilesSettings } from './ProfilesSettings'
import { PortalSettings } from '../portal/PortalSettings'

const SECTIONS = ['commune', 'profil-commune', 'profils', 'mon-profil', 'donnees', 'portail'] as const
type Section = (typeof SECTIONS)[number]

export function SettingsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const params = useParams()
  const section: Section = SECTIONS.includes(params.section as Section) ? (params.section as Section) : 'commune'

  return (
    <Stack maw={1100}>
      <Title order={1}>{t('settings.title')}</Title>
      <Tabs value={section} onChange={(value) => navigate(`/parametres/${value}`)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="commune">{t('settings.tabs.commune')}</Tabs.Tab>
          <Tabs.Tab value="profil-commune">{t('settings.tabs.communeProfile')}</Tabs.Tab>
          <Tabs.Tab value="profils">{t('settings.tabs.profiles')}</Tabs.Tab>
          <Tabs.Tab value="mon-profil">{t('settings.tabs.myProfile')}</Tabs.Tab>
          <Tabs.Tab value="donnees">{t('settings.tabs.data')}</Tabs.Tab>
          <Tabs.Tab value="portail">{t('settings.tabs.portal')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="commune">
          <CommuneSettings />
        </Tabs.Panel>
        <Tabs.Panel value="profil-commune">
          <CommuneProfileSettings />
        </Tabs.Panel>
        <Tabs.Panel value="profils">
          <ProfilesSettings />
        </Tabs.Panel>
        <Tabs.Panel value="mon-profil">
          <MyProfileSettings />
        </Tabs.Panel>
        <Tabs.Panel value="donnees">
          <DataSettings />
        </Tabs.Panel>
        <Tabs.Panel value="portail">
          <PortalSettings />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
