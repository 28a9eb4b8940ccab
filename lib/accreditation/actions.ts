'use server';

import { serverAction } from '@/lib/server-action';
import { assessCriterion, closeAccreditation, nominateZone } from './mutations';

export const nominateZoneAction = serverAction(nominateZone, ['/zones', '/dashboard']);
export const assessCriterionAction = serverAction(assessCriterion, ['/zones', '/dashboard']);
export const closeAccreditationAction = serverAction(closeAccreditation, ['/zones', '/dashboard']);
