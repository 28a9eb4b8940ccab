'use client';

import { useEffect } from 'react';
import { idle } from '@/lib/action-state';
import { feedbackSeenAction } from '@/lib/todo/actions';

/** Shown feedback counts as seen once the page is on screen (a prefetch never runs this). */
export function MarkFeedbackSeen({ projectId, upTo }: { projectId: number; upTo: string }) {
  useEffect(() => {
    void feedbackSeenAction(idle, { projectId, upTo });
  }, [projectId, upTo]);
  return null;
}
