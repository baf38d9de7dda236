import { useMutation } from '@tanstack/react-query'
import { useBackend } from '../../../backend/backend-provider'
import { allowedImageTypes, maxUploadBytes } from '../../../domain/media'

/** Why a file cannot be uploaded as a photo, checked before it is sent; null if it can. */
export function photoFileProblem(file: Pick<File, 'name' | 'type' | 'size'>): string | null {
  if (!(allowedImageTypes as readonly string[]).includes(file.type)) {
    return `„${file.name}“ ist kein Foto im Format JPEG, PNG oder WebP.`
  }
  if (file.size > maxUploadBytes) {
    return `„${file.name}“ ist größer als ${maxUploadBytes / 1024 / 1024} MB.`
  }
  return null
}

/** POST /media: uploads one photo. */
export function useUploadMedia() {
  const backend = useBackend()
  return useMutation({ mutationFn: (file: File) => backend.uploadMedia(file, file.name) })
}
