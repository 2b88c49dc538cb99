import { Alert, Image, Loader, Modal, Stack, Text, UnstyledButton } from '@mantine/core'
import { IconPhotoOff } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../api/hooks'

/** A photo's bytes, checked again by the core each time they are read (see citizens.photo). */
function usePhoto(id: number) {
  return useApiQuery('citizens.photo', { id }, { staleTime: Infinity, retry: false })
}

/** A small square of the photo; nothing but an icon when it cannot be shown. */
export function PhotoThumbnail({ id, size = 56, alt }: { id: number; size?: number; alt: string }) {
  const photo = usePhoto(id)
  if (photo.isPending) return <Loader size={size / 3} aria-label={alt} />
  if (photo.isError) return <IconPhotoOff size={size / 2} aria-label={photo.error.message} color="var(--mantine-color-gray-6)" />
  return (
    <Image
      src={`data:${photo.data.mimeType};base64,${photo.data.contentBase64}`}
      alt={alt}
      w={size}
      h={size}
      fit="cover"
      radius="sm"
      style={{ flexShrink: 0 }}
    />
  )
}

/** The photos of one contribution: thumbnails that open the full view; the reason for each one not shown. */
export function PhotoGallery({
  photos,
  onViewerChange,
}: {
  photos: { id: number; problem: string | null }[]
  /** Told when the full view opens and closes (the panel under it then leaves Échap to the photo). */
  onViewerChange?: (open: boolean) => void
}) {
  const { t } = useTranslation()
  const [open, setOpenState] = useState<number | null>(null)
  const setOpen = (id: number | null) => {
    setOpenState(id)
    onViewerChange?.(id !== null)
  }
  const total = photos.length
  const openIndex = photos.findIndex((photo) => photo.id === open)
  return (
    <Stack gap="xs">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {photos.map((photo, index) =>
          photo.problem ? (
            <Alert key={photo.id} color="gray" icon={<IconPhotoOff size={16} />} py={6} maw={320}>
              <Text size="sm">
                {t('citizens.page.photo', { n: index + 1, total })} : {photo.problem}
              </Text>
            </Alert>
          ) : (
            <UnstyledButton key={photo.id} onClick={() => setOpen(photo.id)} aria-label={t('citizens.page.photoOpen', { n: index + 1 })}>
              <PhotoThumbnail id={photo.id} size={96} alt={t('citizens.page.photo', { n: index + 1, total })} />
            </UnstyledButton>
          ),
        )}
      </div>
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        size="auto"
        centered
        title={openIndex >= 0 ? t('citizens.page.photo', { n: openIndex + 1, total }) : ''}
        closeButtonProps={{ 'aria-label': t('citizens.page.close') }}
      >
        {open !== null && <FullPhoto id={open} alt={t('citizens.page.photo', { n: openIndex + 1, total })} />}
      </Modal>
    </Stack>
  )
}

function FullPhoto({ id, alt }: { id: number; alt: string }) {
  const { t } = useTranslation()
  const photo = usePhoto(id)
  if (photo.isPending) return <Text size="sm">{t('citizens.page.photoLoading')}</Text>
  if (photo.isError) return <Alert color="red">{photo.error.message}</Alert>
  return (
    <Image
      src={`data:${photo.data.mimeType};base64,${photo.data.contentBase64}`}
      alt={alt}
      fit="contain"
      style={{ maxWidth: 'min(90vw, 1100px)', maxHeight: '75vh' }}
    />
  )
}
