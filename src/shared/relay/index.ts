export * from './api'
export * from './bands'
export * from './vocabulary'
