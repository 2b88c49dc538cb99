import { Alert } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'

/** The French message of a failed save, announced to screen readers. */
export function FormError({ message, title }: { message: string | null; title?: string }) {
  if (!message) return null
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={title} role="alert">
      {message}
    </Alert>
  )
}
