import type {
  CreateBindingRequest,
  CreateReservationRequest,
  CreateUnbindingRequest,
  StartedActivityDto,
} from '@autobuy/contracts';
import { useMutation } from '@tanstack/react-query';

import { api } from '../../../shared/api/api-client';

// The items change as the activity runs; `order.items` on the live channel patches them, so
// these calls invalidate nothing.

export function useReserve() {
  return useMutation({
    mutationFn: (request: CreateReservationRequest) =>
      api.post<StartedActivityDto>('/reservations', request),
  });
}

export function useUnbind() {
  return useMutation({
    mutationFn: (request: CreateUnbindingRequest) =>
      api.post<StartedActivityDto>('/unbindings', request),
  });
}

export function useBind() {
  return useMutation({
    mutationFn: (request: CreateBindingRequest) =>
      api.post<StartedActivityDto>('/bindings', request),
  });
}
