/**
 * JSON schemas of the API's inputs and outputs. Fastify validates every input against
 * them (ajv) and @fastify/swagger publishes them as the OpenAPI description at /api/docs.
 * Ids are plain tokens: they are looked up in the store, never used as paths.
 */
export const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$';
const id = { type: 'string', pattern: ID_PATTERN, maxLength: 200 } as const;
const shortText = { type: 'string', maxLength: 100 } as const;

export const idParams = {
  type: 'object',
  properties: { id },
  required: ['id'],
} as const;

export const documentSummarySchema = {
  $id: 'DocumentSummary',
  type: 'object',
  additionalProperties: true,
  description: 'A stored document (src/store DocumentSummary) plus the counts of its findings.',
  properties: {
    id: { type: 'string' },
    workId: { type: 'string' },
    title: { type: ['string', 'null'] },
    organization: { type: ['string', 'null'] },
    date: { type: ['string', 'null'] },
    year: { type: ['integer', 'null'] },
    place: { type: ['string', 'null'] },
    language: { type: 'string' },
    source: { type: ['string', 'null'] },
    version: { type: 'integer' },
    paragraphCount: { type: 'integer' },
    counts: {
      type: 'object',
      properties: { actions: { type: 'integer' }, entities: { type: 'integer' }, commitments: { type: 'integer' }, proposals: { type: 'integer' }, states: { type: 'integer' } },
    },
  },
} as const;

export const listDocumentsSchema = {
  tags: ['documents'],
  summary: 'List the documents, newest first, with filters',
  querystring: {
    type: 'object',
    properties: {
      org: shortText,
      year: { type: 'integer', minimum: 1900, maximum: 2200 },
      lang: { type: 'string', pattern: '^[a-z]{2,3}$' },
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 200 },
      offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
    },
    additionalProperties: false,
  },
  response: {
    200: {
      type: 'object',
      properties: { documents: { type: 'array', items: { $ref: 'DocumentSummary#' } } },
    },
  },
} as const;

export const getDocumentSchema = {
  tags: ['documents'],
  summary: 'One document: its metadata, every paragraph and every annotation (the Analysis JSON of spec/analysis.schema.json)',
  params: idParams,
  response: {
    200: {
      description: 'Analysis (spec/analysis.schema.json)',
      type: 'object',
      additionalProperties: true,
      properties: { schemaVersion: { type: 'string' }, document: { type: 'object', additionalProperties: true }, paragraphs: { type: 'array', items: { type: 'object', additionalProperties: true } } },
    },
    304: { description: 'Not modified (If-None-Match matched the ETag)', type: 'null' },
    404: { $ref: 'Problem#' },
  },
} as const;

export const exportSchema = {
  tags: ['documents'],
  summary: 'A document in one export format (json, summary, and every format registered in src/export)',
  params: idParams,
  querystring: {
    type: 'object',
    properties: { format: { type: 'string', pattern: '^[a-z0-9-]{1,30}$', default: 'json' }, download: { type: 'boolean', default: false } },
    additionalProperties: false,
  },
} as const;

export const searchSchema = {
  tags: ['search'],
  summary: 'Full-text search over paragraphs, with facets; each hit has a passage whose highlights are offsets into passage.text',
  querystring: {
    type: 'object',
    properties: {
      q: { type: 'string', minLength: 1, maxLength: 500 },
      org: shortText,
      year: { type: 'integer', minimum: 1900, maximum: 2200 },
      lang: { type: 'string', pattern: '^[a-z]{2,3}$' },
      topic: shortText,
      action: shortText,
      state: { type: 'string', pattern: '^[A-Z]{2}$' },
      commitment: { type: 'boolean' },
      limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    },
    required: ['q'],
    additionalProperties: false,
  },
  response: {
    200: {
      type: 'object',
      properties: {
        query: { type: 'string' },
        total: { type: 'integer' },
        hits: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: true,
            properties: {
              documentId: { type: 'string' },
              eId: { type: 'string' },
              n: { type: 'integer' },
              title: { type: ['string', 'null'] },
              highlights: { type: 'array', items: { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' } } }, description: 'offsets of matched words in the paragraph text' },
              passage: {
                type: 'object',
                description: 'a window of the paragraph text around the matches; highlights are offsets into passage.text',
                properties: { text: { type: 'string' }, highlights: { type: 'array', items: { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' } } } } },
              },
              score: { type: 'number' },
            },
          },
        },
        facets: { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } } },
      },
    },
    400: { $ref: 'Problem#' },
  },
} as const;

const itemSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string' },
    type: { type: 'string' },
    name: { type: 'string' },
    ref: { type: ['string', 'null'] },
    documentCount: { type: 'integer' },
    mentionCount: { type: 'integer' },
    organizations: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const listItemsSchema = {
  tags: ['items'],
  summary: 'Items tracked across declarations (instruments, initiatives, bodies, events, proposals)',
  querystring: {
    type: 'object',
    properties: { type: shortText, org: shortText, q: { type: 'string', maxLength: 200 }, limit: { type: 'integer', minimum: 1, maximum: 2000, default: 200 } },
    additionalProperties: false,
  },
  response: { 200: { type: 'object', properties: { items: { type: 'array', items: itemSchema } } } },
} as const;

export const itemTimelineSchema = {
  tags: ['items'],
  summary: "An item's timeline: each declaration that mentions it, with the stance, the paragraph and the words",
  params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 300 } }, required: ['id'] },
  response: {
    200: {
      type: 'object',
      properties: {
        item: itemSchema,
        entries: { type: 'array', items: { type: 'object', additionalProperties: true } },
      },
    },
    404: { $ref: 'Problem#' },
  },
} as const;

export const diffSchema = {
  tags: ['diff'],
  summary: 'Aligned paragraphs of two documents: same, changed, added, dropped (src/store DocumentDiff)',
  querystring: {
    type: 'object',
    properties: { a: id, b: id },
    required: ['a', 'b'],
    additionalProperties: false,
  },
  response: {
    200: {
      type: 'object',
      properties: {
        a: { $ref: 'DocumentSummary#' },
        b: { $ref: 'DocumentSummary#' },
        sameWork: { type: 'boolean' },
        counts: { type: 'object', additionalProperties: { type: 'integer' } },
        paragraphs: { type: 'array', items: { type: 'object', additionalProperties: true } },
      },
    },
    404: { $ref: 'Problem#' },
  },
} as const;

export const uploadSchema = {
  tags: ['documents'],
  summary: 'Upload one declaration (multipart/form-data, field "file"): it is analysed and stored',
  description: 'Accepted: the extensions listed by GET /api/meta (uploadFormats), up to maxUploadBytes. Too large → 413, unknown type → 415.',
  consumes: ['multipart/form-data'],
  response: {
    201: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        status: { type: 'string', enum: ['imported', 'unchanged', 'replaced'] },
        version: { type: 'integer' },
        paragraphs: { type: 'integer' },
        messages: { type: 'array', items: { type: 'object', additionalProperties: true } },
      },
    },
    413: { $ref: 'Problem#' },
    415: { $ref: 'Problem#' },
    422: { $ref: 'Problem#' },
  },
} as const;

export const metaSchema = {
  tags: ['meta'],
  summary: 'What this server offers: store kind, upload limits and formats, export formats, topics',
  response: {
    200: {
      type: 'object',
      properties: {
        store: { type: 'string' },
        maxUploadBytes: { type: 'integer' },
        uploadFormats: { type: 'array', items: { type: 'string' } },
        exportFormats: { type: 'array', items: { type: 'string' } },
        topics: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' } } } },
        org: { type: 'boolean' },
      },
    },
  },
} as const;
