import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExchangeRates, ExchangeRatesPut } from '../../../core/forecast/exchange-rates';
import { request } from '../../app/api';
import { goalKeys } from './use-goals';

const ratesKey = ['exchange-rates'] as const;

export function useExchangeRates(enabled = true) {
  return useQuery({ queryKey: ratesKey, queryFn: ({ signal }) => request<ExchangeRates>('GET', '/exchange-rates', { signal }), enabled });
}

/** Replaces the whole table; progress and forecasts in other currencies move with it. */
export function useSaveExchangeRates() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ExchangeRatesPut) => request<ExchangeRates>('PUT', '/exchange-rates', { body }),
    onSuccess: (table) => {
      client.setQueryData(ratesKey, table);
      void client.invalidateQueries({ queryKey: goalKeys.all });
    },
  });
}
