import { expect, invoke, test } from './support/fixtures'
import { seedFauxVillecerf } from './support/seed'
import { HomePage } from './pages/HomePage'

test('after « Changer de profil », the next profile lands on the home page', async ({ page, host }) => {
  await seedFauxVillecerf(host)
  const members = (await invoke(host, 'members.list', {})).value as { id: number; lastName: string }[]
  const paul = members.find((m) => m.lastName === 'Girard')!
  expect((await invoke(host, 'profiles.create', { displayName: 'Paul Girard', memberId: paul.id })).ok).toBe(true)

  await page.goto(host.url)
  const home = new HomePage(page)
  await home.goTo('Paramètres')
  await page.getByRole('tab', { name: 'Profils' }).click()
  await expect(page).toHaveURL(/\/parametres\/profils$/)
  await page.getByRole('button', { name: 'Votre profil' }).click()
  await page.getByRole('menuitem', { name: 'Changer de profil' }).click()
  await page.getByRole('listitem').filter({ hasText: 'Paul Girard' }).click()
  await expect(page.getByRole('button', { name: 'Votre profil' })).toContainText('Paul Girard')
  await expect(home.communeCard).toBeVisible()
  expect(new URL(page.url()).pathname).toBe('/')
})
