import { FileTextFilled, FileTextOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Popover, Tooltip } from 'antd';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeEntry } from '../../../core/time-entries/schemas';
import { useFormat } from '../../app/locale';
import { parseHours, sumHours } from './time-week';

type Props = {
  entries: readonly TimeEntry[];
  label: string;
  editable: boolean;
  onHours: (hours: number) => Promise<unknown>;
  onNote: (entry: TimeEntry, note: string) => Promise<unknown>;
  testId: string;
};

/** One day of one task: the hours logged (typed, Enter or leaving the cell saves), and the entry's note. */
export function TimeCell({ entries, label, editable, onHours, onNote, testId }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const hours = sumHours(entries.map((e) => e.hours));
  const shown = hours === 0 ? '' : String(hours);
  const [draft, setDraft] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  // Enter then leaving the cell must not save twice (a second create would double the hours).
  const saving = useRef(false);
  // A saved or reloaded value replaces the draft.
  useEffect(() => {
    setDraft(shown);
    setInvalid(false);
  }, [shown]);

  const commit = () => {
    if (saving.current) return;
    const value = parseHours(draft);
    if (value === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (value === hours) {
      setDraft(shown);
      return;
    }
    saving.current = true;
    setBusy(true);
    onHours(value)
      .catch(() => setDraft(shown))
      .finally(() => {
        saving.current = false;
        setBusy(false);
      });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    else if (event.key === 'Escape') {
      setDraft(shown);
      setInvalid(false);
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const current = parseHours(draft) ?? hours;
      const next = Math.min(24, Math.max(0, current + (event.key === 'ArrowUp' ? 0.25 : -0.25)));
      setDraft(next === 0 ? '' : String(next));
    }
  };

  const several = entries.length > 1;
  const tip = invalid
    ? t('plan.time.invalid')
    : several
      ? t('plan.time.several', { count: entries.length, hours: entries.map((e) => format.number(e.hours, 2)).join(' + ') })
      : undefined;
  const single = entries.length === 1 ? entries[0] : null;

  return (
    <Flex align="center" gap={2} justify="center">
      {editable ? (
        <Tooltip title={tip} open={tip ? undefined : false}>
          <Input
            size="small"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={commit}
            onKeyDown={onKeyDown}
            inputMode="decimal"
            aria-label={label}
            aria-invalid={invalid || undefined}
            status={invalid ? 'error' : undefined}
            readOnly={busy}
            placeholder="–"
            className="qd-number"
            style={{ width: 56, textAlign: 'end' }}
            data-testid={testId}
          />
        </Tooltip>
      ) : (
        <span className="qd-number" style={{ display: 'inline-block', minWidth: 56, textAlign: 'end' }} data-testid={testId} title={tip}>
          {hours === 0 ? '' : format.number(hours, 2)}
        </span>
      )}
      {single && (editable || single.note) ? (
        <NoteButton entry={single} editable={editable} onSave={(note) => onNote(single, note)} />
      ) : (
        <span style={{ width: 22 }} />
      )}
    </Flex>
  );
}

function NoteButton({ entry, editable, onSave }: { entry: TimeEntry; editable: boolean; onSave: (note: string) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState(entry.note);
  const [saving, setSaving] = useState(false);
  const save = () => {
    if (note.trim() === entry.note) {
      setOpen(false);
      return;
    }
    setSaving(true);
    onSave(note.trim())
      .then(() => setOpen(false))
      .finally(() => setSaving(false));
  };
  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setNote(entry.note);
      }}
      trigger="click"
      title={t('plan.time.note')}
      content={
        editable ? (
          <Flex vertical gap={8} style={{ width: 260 }}>
            <Input.TextArea
              value={note}
              onChange={(event) => setNote(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.shiftKey) {
                  event.preventDefault();
                  save();
                }
              }}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={2_000}
              placeholder={t('plan.time.notePlaceholder')}
              autoFocus
              data-testid="time-note-input"
            />
            <Flex justify="flex-end" gap={8}>
              <Button size="small" onClick={() => setOpen(false)}>
                {t('app.cancel')}
              </Button>
              <Button size="small" type="primary" loading={saving} onClick={save} data-testid="time-note-save">
                {t('app.save')}
              </Button>
            </Flex>
          </Flex>
        ) : (
          <div className="qd-pre-wrap" style={{ maxWidth: 260 }}>
            {entry.note}
          </div>
        )
      }
    >
      <Button
        type="text"
        size="small"
        icon={entry.note ? <FileTextFilled /> : <FileTextOutlined />}
        aria-label={entry.note ? `${t('plan.time.note')}: ${entry.note}` : t('plan.time.note')}
        title={entry.note || t('plan.time.note')}
        style={{ width: 22, minWidth: 22, opacity: entry.note ? 1 : 0.45 }}
        data-testid="time-note"
      />
    </Popover>
  );
}
