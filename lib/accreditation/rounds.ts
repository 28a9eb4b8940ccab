import { Criterion, type AccreditationStatus, type AssessmentResult } from '@/lib/db/enums';

// The accreditation of a model zone (示范片), as a state machine: a zone is
// nominated (CANDIDATE); each of the four criteria is assessed; the round is
// ACCREDITED the moment all four pass; a candidacy can be REJECTED and an
// accreditation REVOKED, with a reason; a closed round lets the zone be nominated again.

/** The four criteria, in the order the program names them (Prisma's enum). */
export const CRITERIA = Object.values(Criterion);

/** Accredited when every criterion's latest result is a pass. */
export function allCriteriaPass(assessments: { criterion: Criterion; result: AssessmentResult }[]) {
  return CRITERIA.every((c) => assessments.some((a) => a.criterion === c && a.result === 'PASS'));
}

/** What may be done next, given the zone's latest round (or none). */
export function nextSteps(round: { status: AccreditationStatus } | undefined) {
  const status = round?.status;
  return {
    nominate: !status || status === 'REJECTED' || status === 'REVOKED',
    assess: status === 'CANDIDATE',
    reject: status === 'CANDIDATE',
    revoke: status === 'ACCREDITED',
  };
}

/** A round that still counts against nominating the zone again. */
export const OPEN_STATUSES: AccreditationStatus[] = ['CANDIDATE', 'ACCREDITED'];
