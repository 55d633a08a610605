import { lazyNamed } from '../../components/lazy-named';

/** The deal page, loaded on demand; the pipeline board preloads it while the browser is idle. */
export const LazyDealPage = lazyNamed(() => import('./deal-page'), 'DealPage');
