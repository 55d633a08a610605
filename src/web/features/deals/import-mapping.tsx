import { Alert, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportKind, ImportResult } from '../../../core/imports/schemas';
import type { Stage } from '../../../core/stages/schemas';
import { FIELDS_OF, type Mapping, REQUIRED_OF } from './import-api';
import { reasonText } from './import-reasons';

type Props = {
  kind: ImportKind;
  headers: readonly string[];
  result: ImportResult | null;
  mapping: Mapping;
  stages: readonly Stage[];
  onChange: (mapping: Mapping) => void;
};

const NONE = '\u0000none';

/** One select per field listing the file's headers (with sample values), and for deals the file's stages → workspace stages. */
export function ImportMapping({ kind, headers, result, mapping, stages, onChange }: Props) {
  const { t } = useTranslation();
  const samples = result?.samples ?? [];
  const sampleOf = (header: string | undefined) => {
    if (!header) return [];
    const at = headers.indexOf(header);
    return at < 0 ? [] : [...new Set(samples.map((row) => row[at]).filter(Boolean))].slice(0, 3);
  };
  const chosen = (field: string): string | undefined => {
    const override = mapping.fields[field];
    if (override !== undefined) return override === '' ? undefined : override;
    return result?.columns[field];
  };
  const headerOptions = [
    { value: NONE, label: t('deals.import.none') },
    ...headers.filter(Boolean).map((header) => ({ value: header, label: header })),
  ];
  const rows = FIELDS_OF[kind].map((field) => ({ field, header: chosen(field) }));

  return (
    <div data-testid="import-mapping">
      <Typography.Paragraph type="secondary">{t('deals.import.mappingIntro')}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="field"
        dataSource={rows}
        columns={[
          {
            key: 'field',
            title: t('deals.import.field'),
            width: '30%',
            render: (_value, row) => (
              <>
                {t(`deals.import.fields.${row.field as 'title'}`)}{' '}
                {row.field === REQUIRED_OF[kind] && <Tag color="red">{t('deals.import.required')}</Tag>}
              </>
            ),
          },
          {
            key: 'column',
            title: t('deals.import.column'),
            width: '32%',
            render: (_value, row) => (
              <Select
                className="qd-full-width"
                value={row.header ?? NONE}
                options={headerOptions}
                status={row.field === REQUIRED_OF[kind] && !row.header ? 'error' : undefined}
                onChange={(header: string) =>
                  onChange({ ...mapping, fields: { ...mapping.fields, [row.field]: header === NONE ? '' : header } })
                }
                data-testid={`import-map-${row.field}`}
              />
            ),
          },
          {
            key: 'sample',
            title: t('deals.import.sample'),
            render: (_value, row) => (
              <Typography.Text type="secondary" className="qd-small" ellipsis>
                {sampleOf(row.header).join(' · ') || '—'}
              </Typography.Text>
            ),
          },
        ]}
      />
      {kind === 'deals' && result && result.stageValues.length > 0 && (
        <div className="qd-import-section" data-testid="import-stages">
          <Typography.Title level={5}>{t('deals.import.stagesTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('deals.import.stagesIntro')}</Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="value"
            dataSource={result.stageValues}
            columns={[
              {
                key: 'value',
                title: t('deals.import.fileStage'),
                render: (_value, row) => (
                  <>
                    {row.value} <Typography.Text type="secondary">({t('deals.import.rows', { count: row.count })})</Typography.Text>
                  </>
                ),
              },
              {
                key: 'stage',
                title: t('deals.fields.stage'),
                width: '45%',
                render: (_value, row) => {
                  const value = mapping.stages[row.value] ?? row.stage ?? undefined;
                  return (
                    <Select
                      className="qd-full-width"
                      value={value}
                      placeholder={t('deals.import.unknownStage')}
                      status={value ? undefined : 'warning'}
                      options={stages.map((stage) => ({ value: stage.key, label: stage.name }))}
                      onChange={(key: string) => onChange({ ...mapping, stages: { ...mapping.stages, [row.value]: key } })}
                      data-testid="import-stage-select"
                    />
                  );
                },
              },
            ]}
          />
        </div>
      )}
    </div>
  );
}

/** The dry run's verdict and every row it would reject (the first 200 shown). */
export function ImportCheck({ result, committed = false }: { result: ImportResult; committed?: boolean }) {
  const { t } = useTranslation();
  const shown = result.rejected.slice(0, 200);
  return (
    <div className="qd-import-section" data-testid="import-check">
      {!committed && (
        <Alert
          type={result.rejectedTotal === 0 ? 'success' : result.accepted === 0 ? 'error' : 'warning'}
          showIcon
          title={t('deals.import.summary', { total: result.total, accepted: result.accepted, rejected: result.rejectedTotal })}
          description={result.rejectedTotal === 0 ? t('deals.import.allGood') : undefined}
          data-testid="import-summary"
        />
      )}
      {shown.length > 0 && (
        <>
          <Typography.Title level={5} className="qd-import-subtitle">
            {committed ? t('deals.import.rejectedDone') : t('deals.import.rejectedTitle')}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="row"
            dataSource={shown}
            scroll={{ y: 320 }}
            onRow={() => ({ 'data-testid': 'import-rejected-row' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'row', title: t('deals.import.row'), dataIndex: 'row', width: 90 },
              { key: 'reason', title: t('deals.import.reason'), render: (_value, row) => reasonText(t, row.reason) },
            ]}
          />
          {result.rejectedTotal > shown.length && (
            <Typography.Text type="secondary">{t('deals.import.more', { count: result.rejectedTotal - shown.length })}</Typography.Text>
          )}
        </>
      )}
    </div>
  );
}
