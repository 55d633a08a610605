import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AcceptInvitationBody, Me, SignupBody } from '../../../core/auth/schemas';
import type { InvitationPreview } from '../../../core/users/schemas';
import { api } from '../../app/api';
import { useSignedIn } from '../../app/auth';

export type SignupInput = z.input<typeof SignupBody>;
export type AcceptInput = z.input<typeof AcceptInvitationBody>;

export function useSignup() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: SignupInput) => api.post<Me>('/auth/signup', body),
    onSuccess: signedIn,
    meta: { handlesErrors: true },
  });
}

export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<Me>('/auth/login', body),
    onSuccess: signedIn,
    meta: { handlesErrors: true },
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => api.get<z.infer<typeof InvitationPreview>>('/invitations/preview', { token }),
    retry: false,
  });
}

export function useAcceptInvitation() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: AcceptInput) => api.post<Me>('/auth/accept-invitation', body),
    onSuccess: signedIn,
    meta: { handlesErrors: true },
  });
}
