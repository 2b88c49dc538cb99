/** The same French formatting on screen and in the PDF reports. */
export * from '@shared/format'
