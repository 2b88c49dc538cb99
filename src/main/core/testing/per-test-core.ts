import { join } from 'node:path'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { Core, CoreOptions } from '../core'
import { TempDirs, createSetUpTemplate, createTestCore, dataDirFrom, type TestCore } from './index'

/**
 * For a test file: Faux-Villecerf is set up once into a template database, and each call of the returned function
 * gives a test its own copy, closed and deleted after the test.
 */
export function setUpCorePerTest(name: string, options: Partial<CoreOptions> = {}): () => TestCore {
  const templates = new TempDirs(`cap-commune-${name}-template-`)
  const temp = new TempDirs(`cap-commune-${name}-`)
  const opened: Core[] = []
  let template: string

  beforeAll(async () => {
    template = await createSetUpTemplate(templates.make())
  })
  afterAll(() => templates.cleanup())
  afterEach(() => {
    for (const core of opened.splice(0)) core.close()
    temp.cleanup()
  })

  return () => {
    const test = createTestCore(dataDirFrom(template, join(temp.make(), 'data')), options)
    opened.push(test.core)
    return test
  }
}
