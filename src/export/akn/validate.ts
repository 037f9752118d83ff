import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { XsdValidator } from 'libxml2-wasm';
import { SCHEMAS_DIR } from '../../paths.js';

/**
 * Validates Akoma Ntoso XML against the vendored OASIS schema (schemas/akn/akomantoso30.xsd,
 * with xml.xsd beside it) in-process with libxml2-wasm, so no system tool is needed.
 * Reads: the XML string and the schema files. Writes: nothing.
 * Returns the validation errors (empty when valid); a document that is not even
 * well-formed XML yields one error saying so. libxml2-wasm is loaded on first use: compiling
 * its WebAssembly takes about 2 s, which commands that never validate should not pay.
 */
export const AKN_SCHEMA_PATH = join(SCHEMAS_DIR, 'akn', 'akomantoso30.xsd');

type Libxml2 = typeof import('libxml2-wasm');
let lib: Libxml2 | null = null;
let validator: XsdValidator | null = null;

async function loadValidator(): Promise<{ lib: Libxml2; validator: XsdValidator }> {
  lib ??= await import('libxml2-wasm');
  if (validator) return { lib, validator };
  const { xmlRegisterFsInputProviders } = await import('libxml2-wasm/lib/nodejs.mjs');
  // The schema imports "xml.xsd" by a relative path: libxml2 resolves it against the schema's
  // URL, which must therefore be an absolute file URL with the fs input providers registered.
  xmlRegisterFsInputProviders();
  const url = pathToFileURL(AKN_SCHEMA_PATH).href;
  const schemaDoc = lib.XmlDocument.fromBuffer(new Uint8Array(readSchema()), { url });
  validator = lib.XsdValidator.fromDoc(schemaDoc);
  return { lib, validator };
}

function readSchema(): Buffer {
  return readFileSync(AKN_SCHEMA_PATH);
}

export async function validateAkn(xml: string): Promise<string[]> {
  const { lib, validator: v } = await loadValidator();
  let doc: InstanceType<Libxml2['XmlDocument']>;
  try {
    doc = lib.XmlDocument.fromString(xml);
  } catch (e) {
    return [`not well-formed XML: ${(e as Error).message}`];
  }
  try {
    v.validate(doc);
    return [];
  } catch (e) {
    if (e instanceof lib.XmlValidateError) {
      const details = (e as Error & { details?: Array<{ message: string; line?: number }> }).details ?? [];
      return details.length ? details.map((d) => `line ${d.line ?? '?'}: ${d.message.trim()}`) : [e.message];
    }
    throw e;
  } finally {
    doc.dispose();
  }
}
