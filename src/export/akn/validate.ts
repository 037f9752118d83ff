import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XmlDocument, XsdValidator, XmlValidateError } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import { SCHEMAS_DIR } from '../../paths.js';

/**
 * Validates Akoma Ntoso XML against the vendored OASIS schema (schemas/akn/akomantoso30.xsd,
 * with xml.xsd beside it) in-process with libxml2-wasm, so no system tool is needed.
 * Reads: the XML string and the schema files. Writes: nothing.
 * Returns the validation errors (empty when valid); a document that is not even
 * well-formed XML yields one error saying so.
 */
export const AKN_SCHEMA_PATH = join(SCHEMAS_DIR, 'akn', 'akomantoso30.xsd');

let validator: XsdValidator | null = null;

function loadValidator(): XsdValidator {
  if (validator) return validator;
  // The schema imports "xml.xsd" by a relative path: libxml2 resolves it against the schema's
  // URL, which must therefore be an absolute file URL with the fs input providers registered.
  xmlRegisterFsInputProviders();
  const url = pathToFileURL(AKN_SCHEMA_PATH).href;
  const schemaDoc = XmlDocument.fromBuffer(new Uint8Array(readSchema()), { url });
  validator = XsdValidator.fromDoc(schemaDoc);
  return validator;
}

function readSchema(): Buffer {
  return readFileSync(AKN_SCHEMA_PATH);
}

export function validateAkn(xml: string): string[] {
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (e) {
    return [`not well-formed XML: ${(e as Error).message}`];
  }
  try {
    loadValidator().validate(doc);
    return [];
  } catch (e) {
    if (e instanceof XmlValidateError) {
      const details = (e as XmlValidateError & { details?: Array<{ message: string; line?: number }> }).details ?? [];
      return details.length ? details.map((d) => `line ${d.line ?? '?'}: ${d.message.trim()}`) : [e.message];
    }
    throw e;
  } finally {
    doc.dispose();
  }
}
