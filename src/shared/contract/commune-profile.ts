import { communeProfileSchema } from '../referentiel/profile'
import { method, methodsOf } from './define'
import { none } from './fields'

/** The commune profile questionnaire (facilities, risks, transfers to the intercommunalité…), in src/shared/referentiel. */
export { communeProfileSchema }

export const communeProfileMethods = methodsOf('communeProfile')({
  'communeProfile.get': method({ input: none, output: communeProfileSchema, access: 'profile', reads: ['communeProfile'] }),
  'communeProfile.update': method({ input: communeProfileSchema, output: communeProfileSchema, access: 'admin', changes: ['communeProfile'] }),
})
