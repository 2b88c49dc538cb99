/**
 * What differs between the Electron app and the browser host. Electron turns a download into its own save dialog
 * and window.print() into the system print dialog, so one implementation serves both for now; an Electron-only
 * behaviour goes here, behind the same functions.
 */
export interface Platform {
  saveFile(fileName: string, content: Blob): void
  print(): void
  /**
   * Opens an https link the main process has checked but could not open itself (the browser host): a new tab, with
   * no `window.opener` and no referrer, so the site learns nothing of the app and cannot reach back into it.
   */
  openInNewTab(url: string): void
}

export const platform: Platform = {
  saveFile(fileName, content) {
    const url = URL.createObjectURL(content)
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  },
  print() {
    window.print()
  },
  openInNewTab(url) {
    window.open(url, '_blank', 'noopener,noreferrer')
  },
}
