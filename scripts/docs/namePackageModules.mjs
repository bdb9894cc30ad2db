// A typedoc plugin for the API reference: typedoc names each entry point's module by its path
// (`core/src/aws`); this names it by the import a user writes (`@chainops/core/aws`).
import { Converter, ReflectionKind } from 'typedoc'

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const match = /^([a-z-]+)\/src(\/[a-z-]+)?$/.exec(module.name)
      if (match) module.name = `@chainops/${match[1]}${match[2] ?? ''}`
    }
  })
}
