// A typedoc plugin for the API reference: where a public type spells out a dependency's type in
// place (viem's PublicClient is a mapped type, so typedoc lists its members under ours), the
// members' doc comments are viem's, with links to names viem does not export. Those comments are
// dropped before links are resolved, so that `treatWarningsAsErrors` holds our comments to account
// and not a dependency's. Our own declarations (any @chainops/* package) keep theirs.
import { Converter } from 'typedoc'

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const { project } = context
    /** @param {import('typedoc').Reflection | undefined} reflection */
    const origin = (reflection) => {
      for (let at = reflection; at; at = at.parent) {
        const id = project.getSymbolIdFromReflection(at)
        if (id) return id.packageName
      }
      return undefined
    }
    for (const reflection of Object.values(project.reflections)) {
      const packageName = origin(reflection)
      if (packageName !== undefined && !packageName.startsWith('@chainops/')) delete reflection.comment
    }
  })
}
