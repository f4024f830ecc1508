import type { ActivityDetailDto, ActivityDto, AnswerQuestionRequest } from '@autobuy/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '../../api/api-client';
import { queryKeys } from '../../api/query-keys';

const pathOf = (activityId: string, action: string) =>
  `/activities/${encodeURIComponent(activityId)}/${action}`;

/** Answers the open question; the detail the server returns replaces the cached one. */
export function useAnswerQuestion(activityId: string) {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: (answer: AnswerQuestionRequest) =>
      api.post<ActivityDetailDto>(pathOf(activityId, 'answers'), answer),
    onSuccess: (detail) => {
      // The live events may already have moved the cache further than this answer.
      queryClient.setQueryData<ActivityDetailDto>(queryKeys.activity(activityId), (cached) =>
        cached && cached.lastSeq > detail.lastSeq ? cached : detail,
      );
    },
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.activity(activityId) }),
  });
}

function useActivityAction(activityId: string, action: 'cancel' | 'retry') {
  const queryClient = useQueryClient();

  return useMutation({
    mutationFn: () => api.post<ActivityDto>(pathOf(activityId, action)),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.activity(activityId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.activityLists }),
      ]),
  });
}

export function useCancelActivity(activityId: string) {
  return useActivityAction(activityId, 'cancel');
}

export function useRetryActivity(activityId: string) {
  return useActivityAction(activityId, 'retry');
}
