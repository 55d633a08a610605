import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Result, Segmented, Select, Statistic, Steps, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind, ImportResult } from '../../../core/imports/schemas';
import type { Project } from '../../../core/projects/schemas';
import { isApiError } from '../../app/api';
import { errorMessage } from '../../app/errors';
import { useFormat } from '../../app/locale';
import {
  EMPTY_MAPPING,
  isEmptyMapping,
  isSpreadsheet,
  type Mapping,
  PRESET_CHOICES,
  type PresetChoice,
  REQUIRED_OF,
  rememberedMapping,
  rememberMapping,
  uploadImport,
} from './import-api';
import { ImportCheck, ImportMapping } from './import-mapping';
import { useStages } from './use-deals';
import './import.css';

type Props = {
  /** The project deals go into (deals are offered only with one). */
  project?: Project;
  kinds: readonly ImportKind[];
  /** "Open the list" after an import. */
  onOpenList?: (kind: ImportKind) => void;
  onDone?: () => void;
};

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * Upload → column and stage mapping with a dry run that lists every row it would reject → commit in one
 * transaction → the counts. The mapping is remembered per workspace, kind and preset.
 */
export function ImportFlow({ project, kinds, onOpenList, onDone }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useQueryClient();
  const stages = useStages();
  const [kind, setKind] = useState<ImportKind>(kinds[0]);
  const [preset, setPreset] = useState<PresetChoice>('auto');
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState(0);
  const [mapping, setMapping] = useState<Mapping>(EMPTY_MAPPING);
  const [dirty, setDirty] = useState(false);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [checking, setChecking] = useState(false);
  const controller = useRef<AbortController | null>(null);

  const usedPreset = check?.preset ?? (preset === 'auto' ? 'generic' : preset);
  const run = async (dryRun: boolean, withMapping: Mapping): Promise<ImportResult | null> => {
    if (!file) return null;
    setBusy(true);
    setChecking(dryRun);
    setError(null);
    controller.current = new AbortController();
    try {
      return await uploadImport({
        kind,
        projectId: project?.id,
        preset: dryRun ? preset : usedPreset,
        file,
        mapping: withMapping,
        dryRun,
        signal: controller.current.signal,
      });
    } catch (caught) {
      // A check cancelled by the user (checks write nothing; a commit is not offered a cancel: once its file has
      // arrived the server finishes it in one transaction).
      if (caught instanceof DOMException && caught.name === 'AbortError') return null;
      setError(caught);
      const details = isApiError(caught) ? (caught.details as { headers?: unknown } | null) : null;
      if (Array.isArray(details?.headers)) {
        setHeaders(details.headers.map(String));
        setCheck(null);
        setStep(1);
      }
      return null;
    } finally {
      controller.current = null;
      setBusy(false);
    }
  };

  const cancelButton = busy && checking && (
    <Button onClick={() => controller.current?.abort()} data-testid="import-cancel">
      {t('app.cancel')}
    </Button>
  );

  const firstCheck = async () => {
    // The workspace's remembered mapping for this source; with "detect", the detected source's, once it is known.
    let used = preset === 'auto' && kind === 'deals' ? EMPTY_MAPPING : await rememberedMapping(kind, preset);
    let result = await run(true, used);
    if (result && preset === 'auto' && kind === 'deals') {
      const saved = await rememberedMapping(kind, result.preset);
      const again = isEmptyMapping(saved) ? null : await run(true, saved);
      if (again) {
        result = again;
        used = saved;
      }
    } else if (!result && !isEmptyMapping(used)) {
      // A remembered mapping that names columns this file lacks: check again with the guesses alone.
      used = EMPTY_MAPPING;
      result = await run(true, used);
    }
    setMapping(used);
    setDirty(false);
    if (result) {
      setCheck(result);
      setHeaders(result.headers);
      setStep(1);
    }
  };

  const recheck = async () => {
    const result = await run(true, mapping);
    if (result) {
      setCheck(result);
      setHeaders(result.headers);
      setDirty(false);
    }
  };

  const commit = async () => {
    const result = await run(false, mapping);
    if (!result) return;
    void rememberMapping(kind, usedPreset, mapping);
    setDone(result);
    setStep(2);
    void client.invalidateQueries({ queryKey: ['deals'] });
    void client.invalidateQueries({ queryKey: ['accounts'] });
    void client.invalidateQueries({ queryKey: ['contacts'] });
  };

  const restart = () => {
    setFile(null);
    setCheck(null);
    setDone(null);
    setError(null);
    setMapping(EMPTY_MAPPING);
    setStep(0);
  };

  const missingRequired = step === 1 && !check;
  const requiredLabel = t(`deals.import.fields.${REQUIRED_OF[kind] as 'title'}`);

  return (
    <div className="qd-import" data-testid="import-wizard">
      <Steps
        size="small"
        current={step}
        className="qd-import-steps"
        items={[
          { title: t('deals.import.steps.file') },
          { title: t('deals.import.steps.mapping') },
          { title: t('deals.import.steps.done') },
        ]}
      />
      {error !== null && (
        <Alert
          type="error"
          showIcon
          className="qd-block-gap"
          title={missingRequired ? t('deals.import.noTitle', { field: requiredLabel }) : errorMessage(t, error)}
          description={missingRequired ? errorMessage(t, error) : undefined}
          data-testid="import-error"
        />
      )}

      {step === 0 && (
        <Flex vertical gap={16}>
          {kinds.length > 1 && (
            <div>
              <Typography.Text strong>{t('deals.import.what')}</Typography.Text>
              <div>
                <Segmented<ImportKind>
                  value={kind}
                  onChange={setKind}
                  options={kinds.map((value) => ({
                    value,
                    label: <span data-testid={`import-kind-${value}`}>{t(`deals.import.kinds.${value}`)}</span>,
                  }))}
                />
              </div>
              <Typography.Text type="secondary">{t(`deals.import.kindHints.${kind}`)}</Typography.Text>
            </div>
          )}
          {kind === 'deals' && (
            <div>
              <Typography.Text strong>{t('deals.import.preset')}</Typography.Text>
              <div>
                <Select<PresetChoice>
                  value={preset}
                  onChange={setPreset}
                  className="qd-import-preset"
                  options={PRESET_CHOICES.map((value) => ({ value, label: t(`deals.import.presets.${value}`) }))}
                  data-testid="import-preset"
                />
              </div>
            </div>
          )}
          <Upload.Dragger
            accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            beforeUpload={(chosen) => {
              if (!isSpreadsheet(chosen)) setError(new Error(t('deals.import.wrongType')));
              else {
                setError(null);
                setFile(chosen);
              }
              return false;
            }}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {file ? t('deals.import.chosen', { name: file.name, size: sizeText(file.size) }) : t('deals.import.drop')}
            </p>
            <p className="ant-upload-hint">{t('deals.import.dropHint')}</p>
          </Upload.Dragger>
          <Flex justify="flex-end" gap={8}>
            {cancelButton}
            <Button type="primary" disabled={!file} loading={busy} onClick={() => void firstCheck()} data-testid="import-check-button">
              {t('deals.import.check')}
            </Button>
          </Flex>
        </Flex>
      )}

      {step === 1 && (
        <Flex vertical gap={16}>
          {kind === 'deals' && check && (
            <Typography.Text type="secondary" data-testid="import-detected">
              {t('deals.import.detected', { preset: t(`deals.import.presets.${check.preset}`) })}
            </Typography.Text>
          )}
          <ImportMapping
            kind={kind}
            headers={headers}
            result={check}
            mapping={mapping}
            stages={stages.data?.items ?? []}
            onChange={(next) => {
              setMapping(next);
              setDirty(true);
            }}
          />
          {check && !dirty && <ImportCheck result={check} />}
          <Flex justify="space-between" gap={8} wrap>
            <Button onClick={restart} data-testid="import-back">
              {t('deals.import.back')}
            </Button>
            <Flex gap={8} align="center" wrap>
              {cancelButton}
              {check && !dirty && (
                <Typography.Text type="secondary" className="qd-small">
                  {t('deals.import.commitHint')}
                </Typography.Text>
              )}
              {(dirty || !check) && (
                <Button loading={busy} onClick={() => void recheck()} data-testid="import-recheck">
                  {t('deals.import.recheck')}
                </Button>
              )}
              <Button
                type="primary"
                loading={busy}
                disabled={!check || dirty || check.accepted === 0}
                onClick={() => void commit()}
                data-testid="import-commit"
              >
                {t('deals.import.commit', { count: check?.accepted ?? 0 })}
              </Button>
            </Flex>
          </Flex>
        </Flex>
      )}

      {step === 2 && done && (
        <Result
          status={done.rejectedTotal ? 'warning' : 'success'}
          title={t('deals.import.doneTitle')}
          subTitle={
            <span data-testid="import-done">
              {t('deals.import.doneText', { created: done.created, total: done.total, rejected: done.rejectedTotal })}
              {(done.accountsCreated > 0 || done.contactsCreated > 0) && kind !== 'accounts' && (
                <>
                  {' '}
                  {t('deals.import.alsoCreated', {
                    accounts: done.accountsCreated,
                    contacts: kind === 'deals' ? done.contactsCreated : 0,
                  })}
                </>
              )}
            </span>
          }
          extra={[
            <Button key="again" onClick={restart} data-testid="import-again">
              {t('deals.import.again')}
            </Button>,
            <Button
              key="list"
              type="primary"
              onClick={() => {
                onOpenList?.(kind);
                onDone?.();
              }}
              data-testid="import-open-list"
            >
              {t('deals.import.toList')}
            </Button>,
          ]}
        >
          <Flex gap={32} justify="center" wrap>
            <Statistic title={t('deals.import.total')} value={format.number(done.total)} />
            <Statistic title={t('deals.import.accepted')} value={format.number(done.accepted)} />
            <Statistic title={t('deals.import.rejected')} value={format.number(done.rejectedTotal)} />
            <Statistic title={t('deals.import.created')} value={format.number(done.created)} data-testid="import-created" />
          </Flex>
          {done.rejected.length > 0 && <ImportCheck result={done} committed />}
        </Result>
      )}
    </div>
  );
}
