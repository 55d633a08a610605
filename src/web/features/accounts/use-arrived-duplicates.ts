import { useState } from 'react';
import { useLocation } from 'react-router';
import type { DuplicateRef } from '../../../core/accounts/schemas';

/** The duplicates a create sent along when it navigated here (shown until dismissed). */
export function useArrivedDuplicates() {
  const location = useLocation();
  return useState<DuplicateRef[]>(() => (location.state as { duplicates?: DuplicateRef[] } | null)?.duplicates ?? []);
}
