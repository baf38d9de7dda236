import { useLayoutEffect, useRef, useState } from 'react'
import { errorMessage } from '../../../backend/api-error'
import type { Photo } from '../../../domain/article'
import { photoFileProblem, useUploadMedia } from '../api/upload-media'

/**
 * Uploads photo files one by one; each upload that succeeds is appended as a photo with empty
 * caption, credit and alt text. Problems are reported in German per file.
 */
export function usePhotoUpload(appendPhoto: (photo: Photo) => void) {
  const upload = useUploadMedia()
  const [problems, setProblems] = useState<string[]>([])
  const [uploading, setUploading] = useState(0)
  const append = useRef(appendPhoto)
  useLayoutEffect(() => {
    append.current = appendPhoto
  })

  const addFiles = async (files: File[]) => {
    const found: string[] = []
    const accepted = files.filter((file) => {
      const problem = photoFileProblem(file)
      if (problem) found.push(problem)
      return !problem
    })
    setProblems(found)
    setUploading((count) => count + accepted.length)
    for (const file of accepted) {
      try {
        const media = await upload.mutateAsync(file)
        append.current({ mediaId: media.id, caption: '', credit: '', alt: '', decorative: false })
      } catch (error) {
        found.push(`„${file.name}“: ${errorMessage(error)}`)
        setProblems([...found])
      } finally {
        setUploading((count) => count - 1)
      }
    }
  }

  return { addFiles, problems, uploading: uploading > 0 }
}
