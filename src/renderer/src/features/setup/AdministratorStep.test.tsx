import { screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import type { MemberInput } from '@shared/contract'
import { renderWithApp } from '../../testing/render'
import { AdministratorStep, type AdministratorValues } from './AdministratorStep'
import type { SetupDraft } from './draft'

const members = [{ civility: 'madame', firstName: 'Marie', lastName: 'Lambert', role: 'maire' }] as MemberInput[]
const required = 'Le nom du profil est obligatoire.'

function Step() {
  const [showErrors, setShowErrors] = useState(false)
  const [administrator, setAdministrator] = useState<SetupDraft['administrator']>({ memberIndex: 0, displayName: 'Marie Lambert' })
  const [password, setPassword] = useState<AdministratorValues['password']>({ password: '', confirmation: '' })
  return (
    <>
      <AdministratorStep
        members={members}
        administrator={administrator}
        password={password}
        onChange={setAdministrator}
        onPasswordChange={setPassword}
        showErrors={showErrors}
      />
      <button onClick={() => setShowErrors(true)}>Continuer</button>
    </>
  )
}

describe('AdministratorStep', () => {
  it('does not say the profile name is missing before the field was even visited', async () => {
    const { user } = renderWithApp(<Step />)
    await user.click(await screen.findByLabelText(/Une autre personne/))
    expect((screen.getByLabelText(/^Nom du profil/) as HTMLInputElement).value).toBe('')
    expect(screen.queryByText(required)).toBeNull()
    // Once the field is left empty, it is said.
    await user.click(screen.getByLabelText(/^Nom du profil/))
    await user.tab()
    expect(await screen.findByText(required)).toBeTruthy()
  })

  it('says it under the field once « Continuer » was pressed', async () => {
    const { user } = renderWithApp(<Step />)
    await user.click(await screen.findByLabelText(/Une autre personne/))
    expect(screen.queryByText(required)).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Continuer' }))
    expect(await screen.findByText(required)).toBeTruthy()
  })
})
