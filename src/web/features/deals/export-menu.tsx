import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { useTranslation } from 'react-i18next';

type Query = Record<string, string | number | null | undefined>;

/** The address of an export route with the list's filters and a format (the session cookie authorizes the download). */
export function exportHref(path: string, query: Query, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  params.set('format', format);
  return `/api/v1${path}?${params.toString()}`;
}

type Props = {
  /** The export route under /api/v1, e.g. `/projects/123/deals/export`. */
  path: string;
  query: Query;
  /** More entries below the list's own (e.g. the project's activities). */
  extra?: { path: string; query?: Query; csvLabel: string; xlsxLabel: string };
  testId: string;
};

/** "Export" with CSV and XLSX of the list as filtered now: plain links, so the browser downloads the file itself. */
export function ExportMenu({ path, query, extra, testId }: Props) {
  const { t } = useTranslation();
  const link = (href: string, label: string, id: string) => (
    <a href={href} download data-testid={id}>
      {label}
    </a>
  );
  const items: ItemType[] = [
    { type: 'group', label: t('deals.export.hint'), children: [] },
    { key: 'csv', label: link(exportHref(path, query, 'csv'), t('deals.export.csv'), `${testId}-csv`) },
    { key: 'xlsx', label: link(exportHref(path, query, 'xlsx'), t('deals.export.xlsx'), `${testId}-xlsx`) },
  ];
  if (extra) {
    items.push(
      { type: 'divider' },
      { key: 'extra-csv', label: link(exportHref(extra.path, extra.query ?? {}, 'csv'), extra.csvLabel, `${testId}-extra-csv`) },
      { key: 'extra-xlsx', label: link(exportHref(extra.path, extra.query ?? {}, 'xlsx'), extra.xlsxLabel, `${testId}-extra-xlsx`) },
    );
  }
  return (
    <Dropdown trigger={['click']} menu={{ items }}>
      <Button icon={<DownloadOutlined />} data-testid={testId}>
        {t('deals.export.button')}
        <DownOutlined className="qd-caret" />
      </Button>
    </Dropdown>
  );
}
