import { Modal, TextInput } from '@mantine/core'
import { screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { renderWithApp } from '../testing/render'
import { FrenchDateInput } from './FrenchDateInput'

/** A date field between two others, in a modal, as in « Créer un projet ». */
function DateInModal({ initial = null as string | null }) {
  const [opened, setOpened] = useState(true)
  const [value, setValue] = useState<string | null>(initial)
  return (
    <>
      <output data-testid="value">{JSON.stringify(value)}</output>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Créer un projet">
        <TextInput label="Intitulé" />
        <FrenchDateInput label="Début" value={value} onChange={setValue} />
        <TextInput label="Budget" />
      </Modal>
    </>
  )
}

const valueShown = () => JSON.parse(screen.getByTestId('value').textContent ?? 'null') as unknown

describe('FrenchDateInput', () => {
  it('reads a date typed JJ/MM/AAAA as the ISO date of the contract', async () => {
    const { user } = renderWithApp(<DateInModal />)
    await user.type(await screen.findByLabelText('Début'), '05/03/2027')
    expect(valueShown()).toBe('2027-03-05')
  })

  it('keeps « 31/02/2027 » as typed and says in French that this date does not exist', async () => {
    const { user } = renderWithApp(<DateInModal />)
    const field = await screen.findByLabelText('Début')
    await user.type(field, '31/02/2027')
    await user.tab()
    expect((field as HTMLInputElement).value).toBe('31/02/2027')
    expect(valueShown()).toBe('31/02/2027')
    expect(screen.getByText("Cette date n'existe pas : vérifiez le jour et le mois.")).toBeTruthy()
  })

  it('asks for JJ/MM/AAAA when what is typed is not a date', async () => {
    const { user } = renderWithApp(<DateInModal />)
    await user.type(await screen.findByLabelText('Début'), 'mars 2027')
    await user.tab()
    expect(screen.getByText('Écrivez la date sous la forme JJ/MM/AAAA (exemple : 05/03/2027).')).toBeTruthy()
  })

  it('goes on Tab straight to the next field, never onto a button of the date', async () => {
    const { user } = renderWithApp(<DateInModal initial="2027-03-05" />)
    await user.click(await screen.findByLabelText('Intitulé'))
    await user.tab()
    expect(document.activeElement).toBe(screen.getByLabelText('Début'))
    await user.tab()
    expect(document.activeElement).toBe(screen.getByLabelText('Budget'))
  })

  it('closes only the calendar on Échap, and keeps the modal and what was typed', async () => {
    const { user } = renderWithApp(<DateInModal />)
    const field = await screen.findByLabelText('Début')
    await user.type(field, '05/03/2027')
    await user.click(screen.getByRole('button', { name: 'Ouvrir le calendrier' }))
    expect(await screen.findByRole('button', { name: '5 mars 2027' })).toBeTruthy()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('button', { name: '5 mars 2027' })).toBeNull())
    expect(screen.getByRole('dialog', { name: 'Créer un projet' })).toBeTruthy()
    expect((screen.getByLabelText('Début') as HTMLInputElement).value).toBe('05/03/2027')
    // Échap again, the calendar being closed, is the modal's own.
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Créer un projet' })).toBeNull())
  })

  it('writes a day picked in the calendar as JJ/MM/AAAA', async () => {
    const { user } = renderWithApp(<DateInModal initial="2027-03-05" />)
    await user.click(await screen.findByRole('button', { name: 'Ouvrir le calendrier' }))
    await user.click(await screen.findByRole('button', { name: '12 mars 2027' }))
    expect(valueShown()).toBe('2027-03-12')
    expect((screen.getByLabelText('Début') as HTMLInputElement).value).toBe('12/03/2027')
  })
})
