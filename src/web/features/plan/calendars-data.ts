import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Calendar, CreateCalendar, UpdateCalendar } from '../../../core/calendar/schemas';
import { api } from '../../app/api';

/** After a calendar changes: the list (shared with the project form), each project's calendar and every schedule on it. */
function useRefresh() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['calendars'] }),
      client.invalidateQueries({ queryKey: ['calendar'] }),
      client.invalidateQueries({ queryKey: ['plan'] }),
    ]);
}

export function useCalendarMutations() {
  const refresh = useRefresh();
  const create = useMutation({ mutationFn: (body: CreateCalendar) => api.post<Calendar>('/calendars', body), onSuccess: refresh });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateCalendar }) => api.patch<Calendar>(`/calendars/${encodeURIComponent(id)}`, body),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (calendar: Calendar) => api.delete(`/calendars/${encodeURIComponent(calendar.id)}`, calendar.version),
    onSuccess: refresh,
    // A calendar in use is explained with the names of its projects.
    meta: { handlesErrors: true },
  });
  return { create, update, remove };
}
