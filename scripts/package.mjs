// `node scripts/package.mjs win|linux|mac`: the installers of one platform (see README, « Publier une version »).
import { build, Platform } from 'electron-builder'
import { builderConfig } from './builder-config.mjs'

const platforms = { win: Platform.WINDOWS, linux: Platform.LINUX, mac: Platform.MAC }
const platform = platforms[process.argv[2]]
if (!platform) {
  console.error('Usage : node scripts/package.mjs win|linux|mac')
  process.exit(2)
}
const config = builderConfig()
console.log(
  config.publish ? `Mises à jour : ${config.publish[0].url}` : 'Mises à jour : aucune adresse (CAP_COMMUNE_UPDATE_URL absente), désactivées',
)
await build({ targets: platform.createTarget(), config, publish: 'never' })
