// Validates CycloneDX JSON files with CycloneDX's own JavaScript library (strict JSON schema validation,
// the schemas bundled with @cyclonedx/cyclonedx-library, formats checked through ajv-formats).
// Usage: node validate.mjs <sbom.json> [<sbom.json> ...]; exit code 0 only when every file is valid.
import { readFile } from 'node:fs/promises'
import { Spec, Validation } from '@cyclonedx/cyclonedx-library'

const files = process.argv.slice(2)
if (files.length === 0) {
  console.error('usage: node validate.mjs <sbom.json> [<sbom.json> ...]')
  process.exit(2)
}

let failed = 0
for (const file of files) {
  const text = await readFile(file, 'utf8')
  const specVersion = JSON.parse(text).specVersion
  if (!Object.values(Spec.Version).includes(specVersion)) {
    console.error(`${file}: specVersion ${specVersion} is not one @cyclonedx/cyclonedx-library knows`)
    failed++
    continue
  }
  const errors = await new Validation.JsonStrictValidator(specVersion).validate(text)
  if (errors === null) {
    console.log(`${file}: valid CycloneDX ${specVersion} (@cyclonedx/cyclonedx-library strict JSON validation)`)
  } else {
    console.error(`${file}: NOT valid CycloneDX ${specVersion}:\n${JSON.stringify(errors, null, 2)}`)
    failed++
  }
}
process.exit(failed === 0 ? 0 : 1)
