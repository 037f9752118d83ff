import type { AnnotationStage } from './context.js';
import { annotateEntities } from './entities/index.js';
import { annotateDocumentInfo } from './documentInfo.js';
import { annotateSubjects } from './subject.js';
import { annotateActions } from './actions.js';
import { refineKinds } from './kinds.js';
import { annotateCommitments } from './commitment.js';
import { annotateProposals } from './proposals.js';
import { annotateTopics } from './topics.js';

export type { AnnotateContext, AnnotationStage } from './context.js';

/**
 * The annotation stages, in the order they run. Each is one file with one function;
 * later stages read what earlier ones wrote (subjects need state mentions, commitments
 * need actions, proposals need actions and states).
 */
export const ANNOTATION_STAGES: ReadonlyArray<[name: string, stage: AnnotationStage]> = [
  ['entities', annotateEntities],
  ['documentInfo', annotateDocumentInfo],
  ['subject', annotateSubjects],
  ['actions', annotateActions],
  ['kinds', refineKinds],
  ['commitment', annotateCommitments],
  ['proposals', annotateProposals],
  ['topics', annotateTopics],
];
